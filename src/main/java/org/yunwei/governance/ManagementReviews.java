package org.yunwei.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.Texts;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Management reviews (9.4): a work item of type {@code mgmtreview} — planned on the cycle
 * the recurring work raises, held and chaired by top management or the management
 * representative ({@code reviewHeld}), concluded on the suitability, adequacy and
 * effectiveness of the system with formal resolutions ({@code reviewResolved}), and
 * closed when every problem it raised — a nonconformity of source {@code REVIEW}, with
 * its department, owner, deadline, cause, action and verification — is done, reported
 * back to top management. Its input is the management-review pack of the period it names.
 */
@Service
@Transactional
public class ManagementReviews {

	public static final String TYPE = "mgmtreview";

	static final Set<String> CHAIRS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP");

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItems items;

	private final Nonconformities nonconformities;

	private final Directory directory;

	private final org.yunwei.platform.Texts texts;

	private final Clock clock;

	ManagementReviews(NamedParameterJdbcTemplate jdbc, WorkItems items, Nonconformities nonconformities,
			Directory directory, org.yunwei.platform.Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.nonconformities = nonconformities;
		this.directory = directory;
		this.texts = texts;
		this.clock = clock;
	}

	/** A review's record beside its work item. */
	public record ReviewView(long itemId, String number, int version, LocalDate plannedOn, LocalDate heldOn,
			Long chairId, String chairName, String attendees, String inputPeriod, String suitability, String adequacy,
			String effectiveness, String resolutions, List<WorkItemBrief> problems) {

		/** The elements 9.4 asks the record to have that it lacks. */
		public List<String> missing() {
			List<String> out = new ArrayList<>();
			if (this.plannedOn == null) {
				out.add("plannedOn");
			}
			if (this.heldOn == null) {
				out.add("heldOn");
			}
			if (this.chairId == null) {
				out.add("chair");
			}
			if (Texts.blank(this.attendees)) {
				out.add("attendees");
			}
			if (Texts.blank(this.inputPeriod)) {
				out.add("inputPeriod");
			}
			if (Texts.blank(this.suitability) || Texts.blank(this.adequacy) || Texts.blank(this.effectiveness)) {
				out.add("conclusions");
			}
			if (Texts.blank(this.resolutions)) {
				out.add("resolutions");
			}
			return out;
		}

	}

	/** A review has its record from the moment it is raised, planned for its due day. */
	@org.springframework.context.event.EventListener
	void raised(org.yunwei.workitem.WorkItemCreated event) {
		if (!TYPE.equals(event.type())) {
			return;
		}
		WorkItemView item = this.items.get(String.valueOf(event.id()));
		this.jdbc.update("insert into gov_review (item_id, version, planned_on, created_at) values (:id, 0, :on, :at)",
				new MapSqlParameterSource("id", event.id())
					.addValue("on",
							(item.dueAt() == null) ? null : LocalDate.ofInstant(item.dueAt(), this.items.zone()))
					.addValue("at", Timestamps.utc(this.clock.instant())));
	}

	/** The record as it is written. */
	public record Minutes(LocalDate plannedOn, LocalDate heldOn, Long chairId, String attendees, String inputPeriod,
			String suitability, String adequacy, String effectiveness, String resolutions, Integer version) {
	}

	@Transactional(readOnly = true)
	public ReviewView get(String number) {
		WorkItemView item = this.items.get(number);
		if (!TYPE.equals(item.type())) {
			throw NotFound.of("managementReview", number);
		}
		return view(item);
	}

	private ReviewView view(WorkItemView item) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from gov_review where item_id = :id",
				new MapSqlParameterSource("id", item.id()));
		Map<String, Object> r = rows.isEmpty() ? Map.of("version", 0) : rows.get(0);
		Long chair = (r.get("chair_id") == null) ? null : ((Number) r.get("chair_id")).longValue();
		List<WorkItemBrief> problems = this.items.children(item.id(), Nonconformities.TYPE);
		return new ReviewView(item.id(), item.number(), ((Number) r.get("version")).intValue(),
				date(r.get("planned_on")), date(r.get("held_on")), chair,
				(chair == null) ? null : this.directory.userNames(List.of(chair)).get(chair),
				(String) r.get("attendees"), (String) r.get("input_period"), (String) r.get("suitability"),
				(String) r.get("adequacy"), (String) r.get("effectiveness"), (String) r.get("resolutions"), problems);
	}

	private static LocalDate date(Object v) {
		return (v instanceof java.sql.Date d) ? d.toLocalDate() : (v instanceof LocalDate l) ? l : null;
	}

	/** Saves the minutes (its version guards a stale edit). */
	public ReviewView save(String number, Minutes m) {
		WorkItemView item = this.items.get(number);
		ReviewView current = get(number);
		if (!this.items.canWork(item.id())) {
			throw org.yunwei.platform.Forbidden.missing("improvement:write");
		}
		if (m.version() == null || m.version() != current.version()) {
			throw Conflict.staleVersion("managementReview", number);
		}
		List<Violation> v = new ArrayList<>();
		if (m.chairId() != null
				&& CHAIRS.stream().noneMatch((role) -> this.directory.usersWithRole(role).contains(m.chairId()))) {
			v.add(new Violation("chairId", "review.error.chair", List.of()));
		}
		if (m.inputPeriod() != null && !m.inputPeriod().isBlank()) {
			try {
				ReportingPeriod.parse(m.inputPeriod());
			}
			catch (ValidationFailed ex) {
				v.add(new Violation("inputPeriod", "period.error.format", List.of(m.inputPeriod())));
			}
		}
		if (m.heldOn() != null && m.heldOn().isAfter(LocalDate.ofInstant(this.clock.instant(), this.items.zone()))) {
			v.add(new Violation("heldOn", "review.error.future", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		this.jdbc.update("update gov_review set version = version + 1, planned_on = :planned, held_on = :held,"
				+ " chair_id = :chair, attendees = :attendees, input_period = :period, suitability = :suitability,"
				+ " adequacy = :adequacy, effectiveness = :effectiveness, resolutions = :resolutions where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("planned", m.plannedOn())
					.addValue("held", m.heldOn())
					.addValue("chair", m.chairId())
					.addValue("attendees", Texts.stripped(m.attendees()))
					.addValue("period",
							Texts.blank(m.inputPeriod()) ? null : ReportingPeriod.parse(m.inputPeriod()).label())
					.addValue("suitability", Texts.stripped(m.suitability()))
					.addValue("adequacy", Texts.stripped(m.adequacy()))
					.addValue("effectiveness", Texts.stripped(m.effectiveness()))
					.addValue("resolutions", Texts.stripped(m.resolutions())));
		return get(number);
	}

	/**
	 * Raises a problem the review found: a nonconformity of source REVIEW with its
	 * department, owner and deadline, linked from the review.
	 */
	public WorkItemBrief raise(String number, String title, String clause, Long departmentId, Long ownerId,
			LocalDateTime dueAt) {
		WorkItemView item = this.items.get(number);
		get(number);
		List<Violation> v = new ArrayList<>();
		if (Texts.blank(title)) {
			v.add(new Violation("title", "review.error.problemTitle", List.of()));
		}
		if (departmentId == null) {
			v.add(new Violation("departmentId", "review.error.department", List.of()));
		}
		if (ownerId == null) {
			v.add(new Violation("ownerId", "nonconformity.error.actionOwner", List.of()));
		}
		if (dueAt == null) {
			v.add(new Violation("dueAt", "nonconformity.error.actionDue", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		NonconformityView nc = this.nonconformities.register(new Nonconformities.Registration(title.strip(),
				this.texts.stored("review.problemOf", item.number(), item.title()), NonconformityView.Source.REVIEW,
				clause, departmentId, ownerId, dueAt));
		this.items.link(item.id(), LinkKind.PARENT_OF, nc.number());
		return this.items.brief(nc.itemId()).orElseThrow();
	}

	/**
	 * {@code reviewHeld}: the day it was held, its chair and who attended are recorded.
	 */
	void held(TransitionContext context) {
		ReviewView r = view(context.item());
		List<String> missing = new ArrayList<>();
		if (r.heldOn() == null) {
			missing.add(this.texts.shown("review.element.heldOn"));
		}
		if (r.chairId() == null) {
			missing.add(this.texts.shown("review.element.chair"));
		}
		if (Texts.blank(r.attendees())) {
			missing.add(this.texts.shown("review.element.attendees"));
		}
		if (!missing.isEmpty()) {
			throw new Conflict("review.error.incomplete", String.join(", ", missing));
		}
	}

	/** {@code reviewResolved}: the three conclusions and the resolutions are written. */
	void resolved(TransitionContext context) {
		ReviewView r = view(context.item());
		List<String> missing = new ArrayList<>();
		if (Texts.blank(r.suitability()) || Texts.blank(r.adequacy()) || Texts.blank(r.effectiveness())) {
			missing.add(this.texts.shown("review.element.conclusions"));
		}
		if (Texts.blank(r.resolutions())) {
			missing.add(this.texts.shown("review.element.resolutions"));
		}
		if (Texts.blank(r.inputPeriod())) {
			missing.add(this.texts.shown("review.element.inputPeriod"));
		}
		if (!missing.isEmpty()) {
			throw new Conflict("review.error.incomplete", String.join(", ", missing));
		}
	}

}
