package org.yunwei.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;

/**
 * Compliance management (9.3 b, d): the register of compliance posts — each with its
 * duties, who holds it since when and on what appointment — and the record of
 * compliance-risk training held, with who attended; over the last twelve months, how many
 * sessions were held, how many people they reached and when the last one was.
 */
@Service
@Transactional
public class Compliance {

	/** Days a compliance training counts as recent (the period of "定期"). */
	public static final int TRAINING_WINDOW_DAYS = 365;

	private final NamedParameterJdbcTemplate jdbc;

	private final Directory directory;

	private final AccessControl access;

	private final AuditTrail trail;

	private final Clock clock;

	private final ZoneId zone;

	Compliance(NamedParameterJdbcTemplate jdbc, Directory directory, AccessControl access, AuditTrail trail,
			Clock clock, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.access = access;
		this.trail = trail;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** A compliance post. */
	public record PostView(long id, int version, String name, String duties, long holderId, String holderName,
			LocalDate appointedOn, String basis, boolean active) {
	}

	/** A post as it is set. */
	public record Post(String name, String duties, Long holderId, LocalDate appointedOn, String basis, Boolean active,
			Integer version) {
	}

	/** A training session held. */
	public record TrainingView(long id, String title, LocalDate heldOn, BigDecimal hours, String trainer,
			String content, List<String> attendees, String recordedBy) {
	}

	/** A training as it is recorded. */
	public record Training(String title, LocalDate heldOn, BigDecimal hours, String trainer, String content,
			List<Long> attendeeIds) {
	}

	/** The state of compliance management at a glance. */
	public record Overview(List<PostView> posts, List<TrainingView> trainings, long recentTrainings, long peopleTrained,
			LocalDate lastTraining) {

		public long activePosts() {
			return this.posts.stream().filter(PostView::active).count();
		}

	}

	@Transactional(readOnly = true)
	public Overview overview() {
		this.access.require(NonconformityConfiguration.NONCONFORMITY.readPermission());
		List<PostView> posts = posts();
		List<TrainingView> trainings = trainings();
		LocalDate since = today().minusDays(TRAINING_WINDOW_DAYS);
		List<Long> recent = trainings.stream().filter((t) -> t.heldOn().isAfter(since)).map(TrainingView::id).toList();
		long trained = recent.isEmpty() ? 0
				: count("select count(distinct user_id) from gov_training_attendee where training_id in (:ids)",
						new MapSqlParameterSource("ids", recent));
		return new Overview(posts, trainings, recent.size(), trained,
				trainings.isEmpty() ? null : trainings.get(0).heldOn());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	private long count(String sql, MapSqlParameterSource p) {
		Long n = this.jdbc.queryForObject(sql, p, Long.class);
		return (n == null) ? 0 : n;
	}

	private List<PostView> posts() {
		List<Object[]> rows = this.jdbc.query(
				"select id, version, name, duties, holder_id, appointed_on, basis, active from gov_compliance_post"
						+ " order by active desc, name, id",
				new MapSqlParameterSource(),
				(rs, n) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
						rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBoolean(8) });
		Map<Long, String> names = this.directory.userNames(rows.stream().map((r) -> (Long) r[4]).distinct().toList());
		return rows.stream()
			.map((r) -> new PostView((Long) r[0], (Integer) r[1], (String) r[2], (String) r[3], (Long) r[4],
					names.get((Long) r[4]), (LocalDate) r[5], (String) r[6], (Boolean) r[7]))
			.toList();
	}

	/** The trainings held, newest first (the last three years). */
	private List<TrainingView> trainings() {
		return trainings("held_on >= :since", new MapSqlParameterSource("since", today().minusYears(3)));
	}

	private List<TrainingView> trainings(String where, MapSqlParameterSource params) {
		List<Object[]> rows = this.jdbc.query(
				"select id, title, held_on, hours, trainer, content, created_by from gov_training where " + where
						+ " order by held_on desc, id desc",
				params, (rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getLong(7) });
		Map<Long, List<Long>> attendees = new HashMap<>();
		List<Long> ids = rows.stream().map((r) -> (Long) r[0]).toList();
		if (!ids.isEmpty()) {
			this.jdbc.query("select training_id, user_id from gov_training_attendee where training_id in (:ids)",
					new MapSqlParameterSource("ids", ids), (rs) -> {
						attendees.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
					});
		}
		LinkedHashSet<Long> people = new LinkedHashSet<>();
		attendees.values().forEach(people::addAll);
		rows.forEach((r) -> people.add((Long) r[6]));
		Map<Long, String> names = this.directory.userNames(people);
		return rows.stream().map((r) -> {
			List<String> who = attendees.getOrDefault((Long) r[0], List.of())
				.stream()
				.map(names::get)
				.filter(java.util.Objects::nonNull)
				.sorted()
				.toList();
			return new TrainingView((Long) r[0], (String) r[1], (LocalDate) r[2], (BigDecimal) r[3], (String) r[4],
					(String) r[5], who, names.get((Long) r[6]));
		}).toList();
	}

	/** Sets up a compliance post ({@code id} null) or changes one. */
	public PostView savePost(Long id, Post p) {
		this.access.require(Governance.MANAGE);
		List<Violation> v = new ArrayList<>();
		if (org.yunwei.platform.Texts.blank(p.name()) || p.name().strip().length() > 100) {
			v.add(new Violation("name", "compliance.error.postName", List.of()));
		}
		if (org.yunwei.platform.Texts.blank(p.duties()) || p.duties().strip().length() > 2000) {
			v.add(new Violation("duties", "compliance.error.duties", List.of()));
		}
		if (p.holderId() == null || !this.directory.isActiveUser(p.holderId())) {
			v.add(new Violation("holderId", "compliance.error.holder", List.of()));
		}
		if (p.appointedOn() == null || p.appointedOn().isAfter(today())) {
			v.add(new Violation("appointedOn", "compliance.error.appointed", List.of()));
		}
		if (p.basis() != null && p.basis().length() > 200) {
			v.add(new Violation("basis", "nonconformity.error.tooLong", List.of(200)));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		MapSqlParameterSource params = new MapSqlParameterSource("name", p.name().strip())
			.addValue("duties", p.duties().strip())
			.addValue("holder", p.holderId())
			.addValue("on", p.appointedOn())
			.addValue("basis", org.yunwei.platform.Texts.blank(p.basis()) ? null : p.basis().strip())
			.addValue("active", p.active() == null || p.active())
			.addValue("at", Timestamps.utc(this.clock.instant()));
		long postId;
		if (id == null) {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			this.jdbc.update(
					"insert into gov_compliance_post (version, name, duties, holder_id, appointed_on, basis,"
							+ " active, updated_at) values (1, :name, :duties, :holder, :on, :basis, :active, :at)",
					params, key, new String[] { "id" });
			postId = key.getKey().longValue();
		}
		else {
			params.addValue("id", id).addValue("version", p.version());
			if (this.jdbc.update("update gov_compliance_post set version = version + 1, name = :name, duties = :duties,"
					+ " holder_id = :holder, appointed_on = :on, basis = :basis, active = :active, updated_at = :at"
					+ " where id = :id and version = :version", params) == 0) {
				if (posts().stream().noneMatch((x) -> x.id() == id)) {
					throw NotFound.of("compliancePost", id);
				}
				throw Conflict.staleVersion("compliancePost", id);
			}
			postId = id;
		}
		this.trail.record(AuditEvent.of((id == null) ? AuditAction.CREATE : AuditAction.UPDATE, "compliancePost",
				postId, p.name().strip()));
		return posts().stream().filter((x) -> x.id() == postId).findFirst().orElseThrow();
	}

	/** Records a compliance training held, with who attended. */
	public TrainingView recordTraining(Training t) {
		CurrentUser me = this.access.require(Governance.MANAGE);
		List<Long> attendees = (t.attendeeIds() == null) ? List.of()
				: List.copyOf(new LinkedHashSet<>(t.attendeeIds()));
		List<Violation> v = new ArrayList<>();
		if (org.yunwei.platform.Texts.blank(t.title()) || t.title().strip().length() > 200) {
			v.add(new Violation("title", "compliance.error.trainingTitle", List.of()));
		}
		if (t.heldOn() == null || t.heldOn().isAfter(today())) {
			v.add(new Violation("heldOn", "compliance.error.heldOn", List.of()));
		}
		if (t.hours() == null || t.hours().signum() <= 0 || t.hours().compareTo(BigDecimal.valueOf(100)) >= 0) {
			v.add(new Violation("hours", "compliance.error.hours", List.of()));
		}
		if (org.yunwei.platform.Texts.blank(t.trainer()) || t.trainer().strip().length() > 100) {
			v.add(new Violation("trainer", "compliance.error.trainer", List.of()));
		}
		if (attendees.isEmpty() || attendees.stream().anyMatch((u) -> !this.directory.isActiveUser(u))) {
			v.add(new Violation("attendeeIds", "compliance.error.attendees", List.of()));
		}
		if (t.content() != null && t.content().length() > 4000) {
			v.add(new Violation("content", "nonconformity.error.tooLong", List.of(4000)));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into gov_training (title, held_on, hours, trainer, content, created_by, created_at)"
						+ " values (:title, :on, :hours, :trainer, :content, :by, :at)",
				new MapSqlParameterSource("title", t.title().strip()).addValue("on", t.heldOn())
					.addValue("hours", t.hours())
					.addValue("trainer", t.trainer().strip())
					.addValue("content", org.yunwei.platform.Texts.blank(t.content()) ? null : t.content().strip())
					.addValue("by", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())),
				key, new String[] { "id" });
		long id = key.getKey().longValue();
		for (Long u : attendees) {
			this.jdbc.update("insert into gov_training_attendee (training_id, user_id) values (:id, :u)",
					new MapSqlParameterSource("id", id).addValue("u", u));
		}
		this.trail.record(AuditEvent.of(AuditAction.CREATE, "complianceTraining", id,
				t.title().strip() + " " + t.heldOn() + " " + attendees.size()));
		return trainings("id = :id", new MapSqlParameterSource("id", id)).get(0);
	}

}
