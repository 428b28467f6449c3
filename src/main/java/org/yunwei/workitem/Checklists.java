package org.yunwei.workitem;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;

/**
 * The checklist of a work item (8.4.1: a routine task's inspection points): each point is
 * ticked with its result, or recorded as an anomaly, which may open a linked follow-up
 * record. Every entry goes to the record's journal as a work note.
 */
@Service
@Transactional
public class Checklists {

	/** The most points one checklist holds. */
	public static final int MAX_POINTS = 100;

	private final WorkItems items;

	private final NamedParameterJdbcTemplate jdbc;

	private final Directory directory;

	private final AccessControl access;

	private final Clock clock;

	Checklists(WorkItems items, NamedParameterJdbcTemplate jdbc, Directory directory, AccessControl access,
			Clock clock) {
		this.items = items;
		this.jdbc = jdbc;
		this.directory = directory;
		this.access = access;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ChecklistPoint> points(long itemId) {
		this.items.get(String.valueOf(itemId));
		List<Object[]> rows = this.jdbc.query(
				"select c.seq, c.text, c.done, c.result, c.anomaly, w.number, c.done_by, c.done_at from wi_checklist c"
						+ " left join wi_item w on w.id = c.linked_item_id where c.item_id = :id order by c.seq",
				new MapSqlParameterSource("id", itemId),
				(rs, n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
						rs.getBoolean(5), rs.getString(6), rs.getObject(7, Long.class),
						rs.getObject(8, OffsetDateTime.class) });
		Set<Long> people = new HashSet<>();
		rows.forEach((r) -> {
			if (r[6] != null) {
				people.add((Long) r[6]);
			}
		});
		Map<Long, String> names = this.directory.userNames(people);
		List<ChecklistPoint> points = new ArrayList<>();
		for (Object[] r : rows) {
			points.add(new ChecklistPoint((Integer) r[0], (String) r[1], (Boolean) r[2], (String) r[3], (Boolean) r[4],
					(String) r[5], names.get(r[6]), (r[7] == null) ? null : ((OffsetDateTime) r[7]).toInstant()));
		}
		return points;
	}

	/** A point as an indicator counts it: done, abnormal, its text. */
	public record PointFact(long itemId, int seq, String text, boolean done, boolean anomaly) {
	}

	/**
	 * The points of several records (read by the system: a module computing indicators).
	 */
	@Transactional(readOnly = true)
	public List<PointFact> facts(java.util.Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		List<PointFact> out = new java.util.ArrayList<>();
		org.yunwei.platform.IdChunks.each(itemIds.stream().sorted().toList(),
				(ids) -> out.addAll(this.jdbc.query(
						"select item_id, seq, text, done, anomaly from wi_checklist where item_id in (:ids)"
								+ " order by item_id, seq",
						new MapSqlParameterSource("ids", ids), (rs, n) -> new PointFact(rs.getLong(1), rs.getInt(2),
								rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)))));
		return out;
	}

	/** Sets the points (one per line), as long as none is checked yet. */
	public List<ChecklistPoint> define(long itemId, List<String> lines) {
		requireWork(itemId);
		store(itemId, lines);
		return points(itemId);
	}

	/**
	 * Gives a record just created by the system its checklist (a recurring activity's
	 * points copied to the task it creates), whoever the task goes to.
	 */
	public void seed(long itemId, List<String> lines) {
		store(itemId, lines);
	}

	private void store(long itemId, List<String> lines) {
		List<String> texts = lines.stream().map(String::strip).filter((l) -> !l.isEmpty()).toList();
		if (texts.size() > MAX_POINTS) {
			throw new ValidationFailed("checklist", "checklist.error.tooMany", MAX_POINTS);
		}
		for (String t : texts) {
			if (t.length() > 500) {
				throw new ValidationFailed("checklist", "checklist.error.tooLong", 500);
			}
		}
		Integer started = this.jdbc.queryForObject(
				"select count(*) from wi_checklist where item_id = :id and (done = true or anomaly = true)",
				new MapSqlParameterSource("id", itemId), Integer.class);
		if (started != null && started > 0) {
			throw new Conflict("checklist.error.started");
		}
		this.jdbc.update("delete from wi_checklist where item_id = :id", new MapSqlParameterSource("id", itemId));
		for (int i = 0; i < texts.size(); i++) {
			this.jdbc.update(
					"insert into wi_checklist (item_id, seq, text, done, anomaly) values (:id, :seq, :t, false,"
							+ " false)",
					new MapSqlParameterSource("id", itemId).addValue("seq", i + 1).addValue("t", texts.get(i)));
		}
	}

	/** Records a point: done or not, its result, whether it is abnormal. */
	public ChecklistPoint record(long itemId, int seq, boolean done, String result, boolean anomaly) {
		requireWork(itemId);
		String text = pointText(itemId, seq);
		String r = (result == null || result.isBlank()) ? null : result.strip();
		if (r != null && r.length() > 1000) {
			throw new ValidationFailed("result", "checklist.error.tooLong", 1000);
		}
		if (anomaly && r == null) {
			throw new ValidationFailed("result", "checklist.error.anomalyResult");
		}
		long me = this.access.user().id();
		this.jdbc.update(
				"update wi_checklist set done = :done, result = :r, anomaly = :a, done_by = :me, done_at = :at"
						+ " where item_id = :id and seq = :seq",
				new MapSqlParameterSource("id", itemId).addValue("seq", seq)
					.addValue("done", done || anomaly)
					.addValue("r", r)
					.addValue("a", anomaly)
					.addValue("me", me)
					.addValue("at", this.clock.instant().atOffset(ZoneOffset.UTC)));
		String mark = anomaly ? "⚠ 异常" : (done ? "✔" : "☐");
		this.items.comment(itemId, "检查项 " + seq + "「" + text + "」" + mark + ((r != null) ? "：" + r : ""), true);
		return points(itemId).stream().filter((p) -> p.seq() == seq).findFirst().orElseThrow();
	}

	/**
	 * Opens a follow-up record of the same type for an abnormal point, linked to this
	 * one, once.
	 */
	public WorkItemView raise(long itemId, int seq) {
		requireWork(itemId);
		List<Map<String, Object>> point = this.jdbc.queryForList(
				"select text, result, anomaly, linked_item_id from wi_checklist where item_id = :id and seq = :seq",
				new MapSqlParameterSource("id", itemId).addValue("seq", seq));
		if (point.isEmpty()) {
			throw NotFound.of("checklistPoint", seq);
		}
		if (!Boolean.TRUE.equals(point.get(0).get("anomaly"))) {
			throw new Conflict("checklist.error.notAnomaly", seq);
		}
		if (point.get(0).get("linked_item_id") != null) {
			throw new Conflict("checklist.error.alreadyRaised", seq);
		}
		WorkItemView item = this.items.get(String.valueOf(itemId));
		WorkItemView created = this.items.followUp(itemId, item.type(), "异常：" + point.get(0).get("text") + "（{number}）",
				LinkKind.CAUSED_BY);
		this.jdbc.update("update wi_checklist set linked_item_id = :l where item_id = :id and seq = :seq",
				new MapSqlParameterSource("id", itemId).addValue("seq", seq).addValue("l", created.id()));
		return created;
	}

	private String pointText(long itemId, int seq) {
		List<String> text = this.jdbc.queryForList("select text from wi_checklist where item_id = :id and seq = :seq",
				new MapSqlParameterSource("id", itemId).addValue("seq", seq), String.class);
		if (text.isEmpty()) {
			throw NotFound.of("checklistPoint", seq);
		}
		return text.get(0);
	}

	private void requireWork(long itemId) {
		this.items.get(String.valueOf(itemId));
		if (!this.items.canWork(itemId)) {
			throw new Forbidden("checklist.error.notYours");
		}
	}

}
