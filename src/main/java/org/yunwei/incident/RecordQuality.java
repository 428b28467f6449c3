package org.yunwei.incident;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.workitem.WorkItems;

/**
 * Record quality review (8.3.3-2 事件记录的准确率): a manager draws a random sample of the
 * incidents closed in a period and judges each record accurate or not, saying what is
 * wrong; the indicator is the accurate share of the judged sample. An incident is drawn
 * at most once.
 */
@Service
@Transactional
public class RecordQuality implements IndicatorSource {

	static final String CODE = "8.3.3-2";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final WorkItems items;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	RecordQuality(NamedParameterJdbcTemplate jdbc, AccessControl access, WorkItems items, Directory directory,
			AuditTrail audit, Clock clock, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.access = access;
		this.items = items;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** A sampled incident and its judgement ({@code accurate} null: not judged yet). */
	public record Sampled(long id, long itemId, String number, String title, Instant closedAt, Boolean accurate,
			String note, String reviewedBy, Instant reviewedAt) {
	}

	/** A period's sample: how many incidents closed in it, and those drawn. */
	public record Sample(String period, int closed, List<Sampled> drawn) {

		public long judged() {
			return this.drawn.stream().filter((s) -> s.accurate() != null).count();
		}

		public long accurate() {
			return this.drawn.stream().filter((s) -> Boolean.TRUE.equals(s.accurate())).count();
		}

	}

	@Transactional(readOnly = true)
	public Sample sample(String period) {
		this.access.require(Incidents.MANAGE);
		ReportingPeriod p = ReportingPeriod.parse(period);
		int closed = this.items.closedBetween(Incidents.TYPE, p.start(this.zone), p.end(this.zone)).size();
		return new Sample(p.label(), closed, drawn(p));
	}

	/**
	 * Draws up to {@code size} more incidents at random from those closed in the period
	 * and not drawn before.
	 */
	public Sample draw(String period, int size) {
		CurrentUser me = this.access.require(Incidents.MANAGE);
		if (size < 1 || size > 200) {
			throw new ValidationFailed("size", "incident.error.sampleSize");
		}
		ReportingPeriod p = ReportingPeriod.parse(period);
		List<WorkItems.ClosedRecord> closed = new ArrayList<>(
				this.items.closedBetween(Incidents.TYPE, p.start(this.zone), p.end(this.zone)));
		Set<Long> already = Set.copyOf(this.jdbc.queryForList("select item_id from inc_quality_review",
				new MapSqlParameterSource(), Long.class));
		closed.removeIf((c) -> already.contains(c.id()));
		if (closed.isEmpty()) {
			throw new ValidationFailed("period", "incident.error.nothingToDraw", p.label());
		}
		Collections.shuffle(closed, RANDOM);
		Instant now = this.clock.instant();
		for (WorkItems.ClosedRecord c : closed.subList(0, Math.min(size, closed.size()))) {
			this.jdbc.update(
					"insert into inc_quality_review (item_id, number, title, closed_at, drawn_by, drawn_at)"
							+ " values (:item, :number, :title, :closed, :by, :at)",
					new MapSqlParameterSource("item", c.id()).addValue("number", c.number())
						.addValue("title", c.title())
						.addValue("closed", Timestamps.utc(c.closedAt()))
						.addValue("by", me.id())
						.addValue("at", Timestamps.utc(now)));
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "qualitySample", 0, p.label() + " " + size));
		return sample(period);
	}

	/** Judges a sampled record: accurate, or not with what is wrong. */
	public Sampled judge(long id, boolean accurate, String note) {
		CurrentUser me = this.access.require(Incidents.MANAGE);
		if (!accurate && (note == null || note.isBlank())) {
			throw new ValidationFailed("note", "incident.error.noteRequired");
		}
		int n = this.jdbc.update(
				"update inc_quality_review set accurate = :a, note = :note, reviewed_by = :by,"
						+ " reviewed_at = :at where id = :id",
				new MapSqlParameterSource("id", id).addValue("a", accurate)
					.addValue("note", (note == null || note.isBlank()) ? null : note.strip())
					.addValue("by", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())));
		if (n == 0) {
			throw NotFound.of("qualityReview", id);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "qualityReview", id, accurate ? "accurate" : "inaccurate"));
		return rows("where q.id = :id", new MapSqlParameterSource("id", id)).get(0);
	}

	private List<Sampled> drawn(ReportingPeriod p) {
		return rows("where q.closed_at >= :from and q.closed_at < :to",
				new MapSqlParameterSource("from", Timestamps.utc(p.start(this.zone))).addValue("to",
						Timestamps.utc(p.end(this.zone))));
	}

	private List<Sampled> rows(String where, MapSqlParameterSource params) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList(
					"select q.id, q.item_id, q.number, q.title, q.closed_at, q.accurate, q.note, q.reviewed_by,"
							+ " q.reviewed_at from inc_quality_review q " + where + " order by q.closed_at, q.id",
					params);
		Map<Long, String> names = this.directory.userNames(rows.stream()
			.map((r) -> r.get("reviewed_by"))
			.filter(java.util.Objects::nonNull)
			.map((o) -> ((Number) o).longValue())
			.toList());
		return rows.stream().map((r) -> {
			Long by = (r.get("reviewed_by") == null) ? null : ((Number) r.get("reviewed_by")).longValue();
			return new Sampled(((Number) r.get("id")).longValue(), ((Number) r.get("item_id")).longValue(),
					(String) r.get("number"), (String) r.get("title"), Timestamps.instant(r.get("closed_at")),
					(Boolean) r.get("accurate"), (String) r.get("note"), names.get(by),
					Timestamps.instant(r.get("reviewed_at")));
		}).toList();
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition(CODE, "事件记录的准确率", "期间内关闭并经抽样评审的事件记录中，被评为准确的记录数 ÷ 已评审的抽样记录数",
				"Incidents closed in the period, drawn for the record quality review and judged accurate ÷ those judged",
				"%"));
	}

	@Override
	@Transactional(readOnly = true)
	public IndicatorValue compute(String code, ReportingPeriod period) {
		if (!CODE.equals(code)) {
			throw NotFound.of("indicator", code);
		}
		List<RecordRef> records = drawn(period).stream()
			.filter((s) -> s.accurate() != null)
			.map((s) -> new RecordRef("workItem", s.itemId(), s.number(), s.accurate()))
			.toList();
		long accurate = records.stream().filter(RecordRef::counted).count();
		return IndicatorValue.share(CODE, period.label(), accurate, records.size(), records);
	}

}
