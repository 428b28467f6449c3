package org.yunwei.servicelevel.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.calendar.Calendars;
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.servicelevel.ClockState;
import org.yunwei.servicelevel.EscalationTrigger;
import org.yunwei.servicelevel.SlaBreached;
import org.yunwei.servicelevel.SlaWarned;
import org.yunwei.workitem.SlaStatus;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.WorkItemChanged;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Runs the clocks of work items: starts, pauses, resumes, stops them (called by workflow
 * actions), follows changes of priority, service and group, finds warnings and breaches
 * and applies the escalation rules, and keeps each record's SLA summary up to date. Every
 * method joins the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class SlaEngine {

	/** The clocks handled per run of the job (the next run takes the rest). */
	static final int BATCH = 200;

	private final ClockRepository clocks;

	private final ServiceLevelRepository levels;

	private final EscalationRuleRepository rules;

	private final Calendars calendars;

	/** Lazily: the kernel's workflow validation needs this engine's actions first. */
	private final org.springframework.beans.factory.ObjectProvider<WorkItems> workItems;

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final java.time.Clock time;

	SlaEngine(ClockRepository clocks, ServiceLevelRepository levels, EscalationRuleRepository rules,
			Calendars calendars, org.springframework.beans.factory.ObjectProvider<WorkItems> workItems,
			NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, java.time.Clock time) {
		this.clocks = clocks;
		this.levels = levels;
		this.rules = rules;
		this.calendars = calendars;
		this.workItems = workItems;
		this.jdbc = jdbc;
		this.events = events;
		this.time = time;
	}

	/** The facts of a record the clocks key on. */
	public record Subject(long id, String type, Long serviceId, Long departmentId, Long groupId, int priority,
			StateCategory category) {

		public static Subject of(WorkItemView item) {
			return new Subject(item.id(), item.type(), item.serviceId(), item.departmentId(),
					(item.group() != null) ? item.group().id() : null, item.priority(), item.stateCategory());
		}

		static Subject of(WorkItemChanged e) {
			return new Subject(e.id(), e.type(), e.serviceId(), e.departmentId(), e.groupId(), e.priority(),
					e.category());
		}

	}

	/** A target found for a clock: minutes on a calendar, and the warning share. */
	record Target(int minutes, long calendarId, int warnPercent) {
	}

	// ---- actions

	/**
	 * Starts the response or resolution clock, or resumes counting one that was stopped
	 * (a reopened record); starting the resolution clock starts the group's OLA clock.
	 * Without a target (no service, or none for the priority) nothing starts.
	 */
	public void start(Subject s, ClockKind kind, Instant now) {
		start(s, kind, now, false);
	}

	/**
	 * Starts a clock; {@code creating}: while the record is being created, when it has no
	 * clock yet unless an earlier action of its creation started one, so without a target
	 * there is nothing to look up (most records raised without a service).
	 */
	public void start(Subject s, ClockKind kind, Instant now, boolean creating) {
		// read once: while creating it decides whether to look further, else only for a
		// new clock
		Optional<Target> creatingTarget = creating ? target(s.serviceId(), s.priority(), kind) : Optional.empty();
		if (creating && creatingTarget.isEmpty()) {
			return;
		}
		List<Clock> all = this.clocks.findByItemIdOrderByIdAsc(s.id());
		Optional<Clock> existing = latest(all, kind, null);
		if (existing.isPresent() && existing.get().getState().open()) {
			return;
		}
		if (existing.isPresent() && existing.get().getState() == ClockState.STOPPED) {
			Clock c = existing.get();
			c.run(calendar(c), now);
			openSegment(c, now);
		}
		else {
			Optional<Target> target = creating ? creatingTarget : target(s.serviceId(), s.priority(), kind);
			if (target.isEmpty()) {
				return;
			}
			newClock(s, kind, null, target.get(), now);
		}
		if (kind == ClockKind.RESOLUTION) {
			startOla(s, now, false);
		}
		summarise(s.id());
	}

	/** Pauses every running clock of the record (e.g. waiting on a vendor). */
	public void pause(long itemId, Instant now) {
		for (Clock c : this.clocks.findByItemIdOrderByIdAsc(itemId)) {
			if (c.getState() == ClockState.RUNNING) {
				c.hold(calendar(c), now, ClockState.PAUSED);
				closeSegment(c, now);
			}
		}
		summarise(itemId);
	}

	/** Resumes every paused clock of the record. */
	public void resume(long itemId, Instant now) {
		for (Clock c : this.clocks.findByItemIdOrderByIdAsc(itemId)) {
			if (c.getState() == ClockState.PAUSED) {
				c.run(calendar(c), now);
				openSegment(c, now);
			}
		}
		summarise(itemId);
	}

	/**
	 * Stops the clocks of a kind ({@code null}: all) and records whether each met its
	 * target; stopping the resolution clock stops the OLA clock too.
	 */
	public void stop(long itemId, ClockKind kind, Instant now) {
		for (Clock c : this.clocks.findByItemIdOrderByIdAsc(itemId)) {
			boolean chosen = kind == null || c.getKind() == kind
					|| (kind == ClockKind.RESOLUTION && c.getKind() == ClockKind.OLA);
			if (chosen && c.getState().open()) {
				c.stop(calendar(c), now);
				closeSegment(c, now);
			}
		}
		summarise(itemId);
	}

	/** Cancels every open clock (a cancelled record is not measured). */
	public void cancel(long itemId, Instant now) {
		for (Clock c : this.clocks.findByItemIdOrderByIdAsc(itemId)) {
			if (c.getState().open()) {
				c.cancel(calendar(c), now);
				closeSegment(c, now);
			}
		}
		summarise(itemId);
	}

	// ---- following the record

	/**
	 * A new priority or service sets new targets on the open clocks (a service set on a
	 * record that had none starts its clocks); a new group ends the previous group's OLA
	 * clock and starts the new group's.
	 */
	@EventListener
	void onChanged(WorkItemChanged e) {
		Instant now = this.time.instant();
		Subject s = Subject.of(e);
		List<Clock> all = this.clocks.findByItemIdOrderByIdAsc(e.id());
		boolean targets = e.changed("priority") || e.changed("service");
		if (targets) {
			boolean anyPromised = all.stream().anyMatch((c) -> c.getKind().promised());
			if (!anyPromised && e.serviceId() != null && !e.category().isEnd()) {
				if (e.category() == StateCategory.NEW) {
					start(s, ClockKind.RESPONSE, now);
				}
				start(s, ClockKind.RESOLUTION, now);
				all = this.clocks.findByItemIdOrderByIdAsc(e.id());
			}
			for (Clock c : all) {
				if (!c.getState().open()) {
					continue;
				}
				c.setPriority(e.priority());
				c.setServiceId(e.serviceId());
				Optional<Target> target = (c.getKind() == ClockKind.OLA) ? olaTarget(c.getGroupId(), e.priority())
						: target(e.serviceId(), e.priority(), c.getKind());
				target.ifPresent((t) -> {
					c.setCalendarId(t.calendarId());
					c.retarget(calendar(c), t.minutes(), t.warnPercent(), now);
				});
			}
		}
		if (e.changed("requester")) {
			all.stream().filter((c) -> c.getState().open()).forEach((c) -> c.setDepartmentId(e.departmentId()));
		}
		if (e.changed("group")) {
			for (Clock c : all) {
				if (c.getKind() == ClockKind.OLA && c.getState().open() && !c.getGroupId().equals(e.groupId())) {
					c.stop(calendar(c), now);
					closeSegment(c, now);
				}
			}
			Optional<Clock> resolution = latest(all, ClockKind.RESOLUTION, null);
			if (resolution.isPresent() && resolution.get().getState().open()) {
				startOla(s, now, resolution.get().getState() == ClockState.PAUSED);
			}
		}
		summarise(e.id());
	}

	private void startOla(Subject s, Instant now, boolean paused) {
		if (s.groupId() == null) {
			return;
		}
		List<Clock> all = this.clocks.findByItemIdOrderByIdAsc(s.id());
		Optional<Clock> existing = latest(all, ClockKind.OLA, s.groupId());
		if (existing.isPresent() && existing.get().getState().open()) {
			return;
		}
		Optional<Target> target = olaTarget(s.groupId(), s.priority());
		if (target.isEmpty()) {
			return;
		}
		Clock c = newClock(s, ClockKind.OLA, s.groupId(), target.get(), now);
		if (paused) {
			c.hold(calendar(c), now, ClockState.PAUSED);
			closeSegment(c, now);
		}
	}

	private Clock newClock(Subject s, ClockKind kind, Long groupId, Target t, Instant now) {
		Clock c = new Clock(s.id(), s.type(), kind, s.serviceId(), s.departmentId(),
				(kind == ClockKind.OLA) ? groupId : s.groupId(), s.priority(), t.calendarId(), t.minutes(),
				t.warnPercent(), now);
		c.run(calendar(c), now);
		c = this.clocks.saveAndFlush(c);
		openSegment(c, now);
		return c;
	}

	// ---- warnings and breaches

	/**
	 * Marks the clocks that passed their warning share or their target by {@code now},
	 * applies the escalation rules and publishes {@link SlaWarned} / {@link SlaBreached}.
	 * @return how many clocks warned or breached
	 */
	public int tick(Instant now) {
		int count = 0;
		List<EscalationRule> active = this.rules.findByActiveTrueOrderByIdAsc();
		for (Clock c : this.clocks.dueToWarn(ClockState.RUNNING, now, Limit.of(BATCH))) {
			c.warned(c.getWarnAt());
			escalate(c, EscalationTrigger.WARNING, active);
			this.events
				.publishEvent(new SlaWarned(c.getItemId(), c.getItemType(), c.getKind(), c.getGroupId(), c.getDueAt()));
			count++;
		}
		for (Clock c : this.clocks.dueToBreach(ClockState.RUNNING, now, Limit.of(BATCH))) {
			c.breached(c.getDueAt());
			escalate(c, EscalationTrigger.BREACH, active);
			this.events.publishEvent(
					new SlaBreached(c.getItemId(), c.getItemType(), c.getKind(), c.getGroupId(), c.getBreachedAt()));
			count++;
		}
		return count;
	}

	private void escalate(Clock c, EscalationTrigger trigger, List<EscalationRule> active) {
		this.clocks.flush();
		List<EscalationRule> matching = active.stream().filter((r) -> r.matches(trigger, c)).toList();
		String what = c.getKind().label("zh") + ((trigger == EscalationTrigger.WARNING) ? "即将超时" : "已超时");
		if (matching.isEmpty()) {
			this.workItems.getObject().escalate(c.getItemId(), null, false, what);
		}
		for (EscalationRule r : matching) {
			this.workItems.getObject()
				.escalate(c.getItemId(), r.getReassignTo(), r.isRaisePriority(), what + "（升级规则：" + r.getName() + "）");
		}
		summarise(c.getItemId());
	}

	// ---- summary

	/** Writes the record's SLA status and next deadline, for lists. */
	public void summarise(long itemId) {
		this.clocks.flush();
		List<Clock> promised = this.clocks.findByItemIdOrderByIdAsc(itemId)
			.stream()
			.filter((c) -> c.getKind().promised() && c.getState() != ClockState.CANCELLED)
			.toList();
		this.workItems.getObject()
			.recordSla(itemId, summary(promised),
					promised.stream()
						.filter((c) -> c.getState() == ClockState.RUNNING && c.getDueAt() != null)
						.map(Clock::getDueAt)
						.min(Comparator.naturalOrder())
						.orElse(null));
	}

	static SlaStatus summary(List<Clock> promised) {
		if (promised.isEmpty()) {
			return null;
		}
		List<SlaStatus> statuses = new ArrayList<>();
		promised.forEach((c) -> statuses.add(c.status()));
		if (statuses.contains(SlaStatus.BREACHED)) {
			return SlaStatus.BREACHED;
		}
		if (statuses.contains(SlaStatus.WARNING)) {
			return SlaStatus.WARNING;
		}
		if (statuses.contains(SlaStatus.ON_TRACK)) {
			return SlaStatus.ON_TRACK;
		}
		if (statuses.contains(SlaStatus.PAUSED)) {
			return SlaStatus.PAUSED;
		}
		return SlaStatus.MET;
	}

	// ---- targets, calendars, segments

	Optional<Target> target(Long serviceId, int priority, ClockKind kind) {
		if (serviceId == null) {
			return Optional.empty();
		}
		return this.levels.findByServiceId(serviceId).flatMap((level) -> level.target(priority).map((t) -> {
			Integer minutes = (kind == ClockKind.RESPONSE) ? t.getResponseMinutes() : t.getResolutionMinutes();
			return (minutes == null) ? null : new Target(minutes, level.getCalendarId(), level.getWarnPercent());
		}));
	}

	Optional<Target> olaTarget(Long groupId, int priority) {
		if (groupId == null) {
			return Optional.empty();
		}
		List<Target> found = this.jdbc.query(
				"select minutes, calendar_id, warn_percent from sl_ola_target where group_id = :g and priority = :p",
				new MapSqlParameterSource("g", groupId).addValue("p", priority),
				(rs, n) -> new Target(rs.getInt(1), rs.getLong(2), rs.getInt(3)));
		return found.stream().findFirst();
	}

	BusinessCalendar calendar(Clock c) {
		return this.calendars.calendar(c.getCalendarId());
	}

	private static Optional<Clock> latest(List<Clock> all, ClockKind kind, Long groupId) {
		Clock found = null;
		for (Clock c : all) {
			if (c.getKind() == kind && c.getState() != ClockState.CANCELLED
					&& (groupId == null || groupId.equals(c.getGroupId()))) {
				found = c;
			}
		}
		return Optional.ofNullable(found);
	}

	private void openSegment(Clock c, Instant now) {
		this.jdbc.update("insert into sl_clock_segment (clock_id, started_at) values (:c, :at)",
				new MapSqlParameterSource("c", c.getId()).addValue("at", utc(now)));
	}

	private void closeSegment(Clock c, Instant now) {
		this.jdbc.update("update sl_clock_segment set ended_at = :at where clock_id = :c and ended_at is null",
				new MapSqlParameterSource("c", c.getId()).addValue("at", utc(now)));
	}

	/** The running segments of a clock, for a recalculation. */
	List<Instant[]> segments(long clockId) {
		return this.jdbc.query("select started_at, ended_at from sl_clock_segment where clock_id = :c order by id",
				new MapSqlParameterSource("c", clockId),
				(rs, n) -> new Instant[] { rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
						(rs.getObject(2, java.time.OffsetDateTime.class) == null) ? null
								: rs.getObject(2, java.time.OffsetDateTime.class).toInstant() });
	}

	/**
	 * Counts a clock again over its segments on today's calendar and targets; returns
	 * whether its outcome or status changed.
	 */
	public boolean recalculate(Clock c, Instant now) {
		SlaStatus before = c.status();
		Optional<Target> target = (c.getKind() == ClockKind.OLA) ? olaTarget(c.getGroupId(), c.getPriority())
				: target(c.getServiceId(), c.getPriority(), c.getKind());
		target.ifPresent((t) -> c.setCalendarId(t.calendarId()));
		BusinessCalendar calendar = calendar(c);
		long closed = 0;
		for (Instant[] seg : segments(c.getId())) {
			if (seg[1] != null) {
				closed += calendar.minutesBetween(seg[0], seg[1]);
			}
		}
		c.recount(closed, now);
		int minutes = target.map(Target::minutes).orElse(c.getTargetMinutes());
		int warn = target.map(Target::warnPercent).orElse(c.getWarnPercent());
		c.retarget(calendar, minutes, warn, now);
		if (c.getOutcome() == SlaStatus.BREACHED && c.getBreachedAt() == null) {
			c.breached(c.getStoppedAt());
		}
		return before != c.status();
	}

	private static java.time.OffsetDateTime utc(Instant at) {
		return at.atOffset(java.time.ZoneOffset.UTC);
	}

}
