package org.yunwei.servicelevel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.calendar.Calendars;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.Formats;
import org.yunwei.servicelevel.internal.ClockRepository;
import org.yunwei.servicelevel.internal.EscalationRule;
import org.yunwei.servicelevel.internal.EscalationRuleRepository;
import org.yunwei.servicelevel.internal.SlaEngine;
import org.yunwei.workitem.SlaStatus;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The SLA engine as people use it: the clocks of a record, the escalation rules, the
 * attainment statistics of a period (8.3.1 d) and the explicit, audited recalculation
 * after a calendar or a target changed (results are never rewritten silently).
 */
@Service
@Transactional
public class ServiceLevels {

	/** Recalculating stored results. */
	public static final String RECALCULATE = "sla:recalculate";

	private final ClockRepository clocks;

	private final EscalationRuleRepository rules;

	private final SlaEngine engine;

	private final WorkItems workItems;

	private final ServiceCatalogue catalogue;

	private final Calendars calendars;

	private final AccessControl access;

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Formats formats;

	private final Clock clock;

	ServiceLevels(ClockRepository clocks, EscalationRuleRepository rules, SlaEngine engine, WorkItems workItems,
			ServiceCatalogue catalogue, Calendars calendars, AccessControl access, Directory directory,
			NamedParameterJdbcTemplate jdbc, AuditTrail audit, Formats formats, Clock clock) {
		this.clocks = clocks;
		this.rules = rules;
		this.engine = engine;
		this.workItems = workItems;
		this.catalogue = catalogue;
		this.calendars = calendars;
		this.access = access;
		this.directory = directory;
		this.jdbc = jdbc;
		this.audit = audit;
		this.formats = formats;
		this.clock = clock;
	}

	// ---- clocks of a record

	/** The clocks of a work item the caller may read, counted as of now. */
	@Transactional(readOnly = true)
	public List<SlaClockView> clocks(long itemId) {
		WorkItemView item = this.workItems.get(String.valueOf(itemId));
		Instant now = this.clock.instant();
		List<org.yunwei.servicelevel.internal.Clock> all = this.clocks.findByItemIdOrderByIdAsc(item.id());
		Set<Long> groups = new HashSet<>();
		all.forEach((c) -> {
			if (c.getGroupId() != null) {
				groups.add(c.getGroupId());
			}
		});
		Map<Long, String> groupNames = this.directory.groupNames(groups);
		List<SlaClockView> views = new ArrayList<>();
		for (org.yunwei.servicelevel.internal.Clock c : all) {
			BusinessCalendar calendar = this.calendars.calendar(c.getCalendarId());
			views.add(new SlaClockView(c.getId(), c.getKind(), c.getState(), c.status(), c.getGroupId(),
					groupNames.get(c.getGroupId()), calendar.name(), c.getTargetMinutes(), c.elapsed(calendar, now),
					c.getStartedAt(), c.getDueAt(), c.getWarnedAt(), c.getBreachedAt(), c.getStoppedAt(), now));
		}
		return views;
	}

	// ---- escalation rules

	@Transactional(readOnly = true)
	public List<EscalationRuleView> rules() {
		this.access.require(ServiceCatalogue.READ);
		return views(this.rules.findAllByOrderByIdAsc());
	}

	@Transactional(readOnly = true)
	public EscalationRuleView rule(long id) {
		this.access.require(ServiceCatalogue.READ);
		return views(List.of(findRule(id))).get(0);
	}

	public EscalationRuleView createRule(EscalationRuleFormData form) {
		this.access.require(ServiceCatalogue.WRITE);
		EscalationRule r = new EscalationRule(this.clock.instant());
		apply(r, form);
		return views(List.of(this.rules.saveAndFlush(r))).get(0);
	}

	public EscalationRuleView updateRule(long id, EscalationRuleFormData form) {
		this.access.require(ServiceCatalogue.WRITE);
		EscalationRule r = findRule(id);
		if (form.getVersion() == null || form.getVersion() != r.getVersion()) {
			throw Conflict.staleVersion("escalationRule", id);
		}
		apply(r, form);
		r.touch(this.clock.instant());
		this.rules.flush();
		return views(List.of(r)).get(0);
	}

	public void deleteRule(long id) {
		this.access.require(ServiceCatalogue.WRITE);
		this.rules.delete(findRule(id));
	}

	private void apply(EscalationRule r, EscalationRuleFormData form) {
		if (form.getServiceId() != null && this.catalogue.names(List.of(form.getServiceId())).isEmpty()) {
			throw new ValidationFailed("serviceId", "workitem.error.unknownService", form.getServiceId());
		}
		if (form.getReassignTo() != null && !this.directory.isActiveGroup(form.getReassignTo())) {
			throw new ValidationFailed("reassignTo", "workitem.error.unknownGroup", form.getReassignTo());
		}
		if (form.getReassignTo() == null && !form.isRaisePriority()) {
			throw new ValidationFailed("reassignTo", "sla.error.ruleDoesNothing");
		}
		r.setName(form.getName().strip());
		r.setOnEvent(form.getOnEvent());
		r.setClockKind(form.getClockKind());
		r.setServiceId(form.getServiceId());
		r.setMaxPriority(form.getMaxPriority());
		r.setReassignTo(form.getReassignTo());
		r.setRaisePriority(form.isRaisePriority());
		r.setActive(form.isActive());
	}

	private List<EscalationRuleView> views(List<EscalationRule> all) {
		Set<Long> services = new HashSet<>();
		Set<Long> groups = new HashSet<>();
		all.forEach((r) -> {
			if (r.getServiceId() != null) {
				services.add(r.getServiceId());
			}
			if (r.getReassignTo() != null) {
				groups.add(r.getReassignTo());
			}
		});
		Map<Long, String> serviceNames = this.catalogue.names(services);
		Map<Long, String> groupNames = this.directory.groupNames(groups);
		return all.stream()
			.map((r) -> new EscalationRuleView(r.getId(), r.getVersion(), r.getName(), r.getOnEvent(), r.getClockKind(),
					r.getServiceId(), serviceNames.get(r.getServiceId()), r.getMaxPriority(), r.getReassignTo(),
					groupNames.get(r.getReassignTo()), r.isRaisePriority(), r.isActive()))
			.toList();
	}

	private EscalationRule findRule(long id) {
		return this.rules.findById(id).orElseThrow(() -> NotFound.of("escalationRule", id));
	}

	// ---- attainment

	/**
	 * Of the clocks stopped in the period (cancelled ones are not measured), how many met
	 * their target: promised clocks per service and per department, OLA clocks per group.
	 */
	@Transactional(readOnly = true)
	public SlaAttainment attainment(String period) {
		this.access.require(ServiceCatalogue.READ);
		ReportingPeriod p = ReportingPeriod.parse(period);
		ZoneId zone = this.formats.organisationZone();
		Instant from = p.start(zone);
		Instant to = p.end(zone);
		MapSqlParameterSource params = new MapSqlParameterSource("from", from.atOffset(java.time.ZoneOffset.UTC))
			.addValue("to", to.atOffset(java.time.ZoneOffset.UTC));
		String stopped = " from sl_clock where outcome is not null and stopped_at >= :from and stopped_at < :to";
		List<SlaAttainment.Row> services = group(
				"select service_id, outcome, count(*)" + stopped + " and kind <> 'OLA' group by service_id, outcome",
				params);
		List<SlaAttainment.Row> departments = group("select department_id, outcome, count(*)" + stopped
				+ " and kind <> 'OLA' group by department_id, outcome", params);
		List<SlaAttainment.Row> groups = group(
				"select group_id, outcome, count(*)" + stopped + " and kind = 'OLA' group by group_id, outcome",
				params);
		Map<Long, String> serviceNames = this.catalogue.names(ids(services));
		Map<Long, String> departmentNames = this.directory.departmentNames(ids(departments));
		Map<Long, String> groupNames = this.directory.groupNames(ids(groups));
		long met = services.stream().mapToLong(SlaAttainment.Row::met).sum();
		long breached = services.stream().mapToLong(SlaAttainment.Row::breached).sum();
		Long openBreached = this.jdbc
			.queryForObject(
					"select count(distinct item_id) from sl_clock where state in ('RUNNING', 'PAUSED')"
							+ " and breached_at is not null and kind <> 'OLA'",
					new MapSqlParameterSource(), Long.class);
		return new SlaAttainment(p.label(), from, to, new SlaAttainment.Row(null, null, met, breached),
				named(services, serviceNames), named(departments, departmentNames), named(groups, groupNames),
				(openBreached == null) ? 0 : openBreached);
	}

	private List<SlaAttainment.Row> group(String sql, MapSqlParameterSource params) {
		Map<Long, long[]> counts = new java.util.LinkedHashMap<>();
		this.jdbc.query(sql, params, (rs) -> {
			Long key = rs.getObject(1, Long.class);
			long[] c = counts.computeIfAbsent(key, (k) -> new long[2]);
			c[SlaStatus.MET.name().equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
		});
		List<SlaAttainment.Row> rows = new ArrayList<>();
		counts.forEach((k, c) -> rows.add(new SlaAttainment.Row(k, null, c[0], c[1])));
		return rows;
	}

	private static Set<Long> ids(List<SlaAttainment.Row> rows) {
		Set<Long> ids = new HashSet<>();
		rows.forEach((r) -> {
			if (r.id() != null) {
				ids.add(r.id());
			}
		});
		return ids;
	}

	private static List<SlaAttainment.Row> named(List<SlaAttainment.Row> rows, Map<Long, String> names) {
		List<SlaAttainment.Row> out = new ArrayList<>();
		for (SlaAttainment.Row r : rows) {
			out.add(new SlaAttainment.Row(r.id(), (r.id() == null) ? null : names.getOrDefault(r.id(), "#" + r.id()),
					r.met(), r.breached()));
		}
		out.sort((a, b) -> Long.compare(b.total(), a.total()));
		return out;
	}

	// ---- recalculation

	/** What a recalculation did. */
	public record Recalculation(LocalDate from, LocalDate to, Long serviceId, int clocks, int changed) {
	}

	/**
	 * Counts again, on today's calendars and targets, every clock that ran between two
	 * dates (of one service, or all), and records the action in the audit trail with how
	 * many results changed.
	 */
	public Recalculation recalculate(LocalDate from, LocalDate to, Long serviceId) {
		this.access.require(RECALCULATE);
		if (from == null || to == null || to.isBefore(from)) {
			throw new ValidationFailed("to", "sla.error.range");
		}
		if (to.isAfter(from.plusYears(1))) {
			throw new ValidationFailed("to", "sla.error.rangeTooLong");
		}
		ZoneId zone = this.formats.organisationZone();
		Instant now = this.clock.instant();
		int count = 0;
		int changed = 0;
		Set<Long> items = new HashSet<>();
		for (org.yunwei.servicelevel.internal.Clock c : this.clocks.activeBetween(from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant())) {
			if (c.getState() == ClockState.CANCELLED || (serviceId != null && !serviceId.equals(c.getServiceId()))) {
				continue;
			}
			count++;
			if (this.engine.recalculate(c, now)) {
				changed++;
			}
			items.add(c.getItemId());
		}
		items.forEach(this.engine::summarise);
		this.audit.record(AuditEvent
			.of(AuditAction.UPDATE, "slaRecalculation", (serviceId == null) ? "all" : serviceId, from + " – " + to)
			.withChange("clocks", null, count)
			.withChange("changed", null, changed));
		return new Recalculation(from, to, serviceId, count, changed);
	}

}
