package org.yunwei.servicelevel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.calendar.Calendars;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.servicelevel.internal.ServiceEntity;
import org.yunwei.servicelevel.internal.ServiceLevel;
import org.yunwei.servicelevel.internal.ServiceLevelRepository;
import org.yunwei.servicelevel.internal.ServiceRepository;
import org.yunwei.servicelevel.internal.ServiceTarget;
import org.yunwei.workitem.ServiceOptions;

/**
 * The service catalogue (8.3.1 a, c): services with their owner and the departments they
 * serve, each service's level agreement with targets per priority, and the operational
 * levels of assignment groups. Reading needs {@link #READ}; changing needs
 * {@link #WRITE}; every change is audited.
 */
@Service
@Transactional
public class ServiceCatalogue implements ServiceOptions {

	public static final String READ = "service:read";

	public static final String WRITE = "service:write";

	private final ServiceRepository services;

	private final ServiceLevelRepository levels;

	private final Calendars calendars;

	private final AccessControl access;

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ServiceCatalogue(ServiceRepository services, ServiceLevelRepository levels, Calendars calendars,
			AccessControl access, Directory directory, NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock) {
		this.services = services;
		this.levels = levels;
		this.calendars = calendars;
		this.access = access;
		this.directory = directory;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- services

	@Transactional(readOnly = true)
	public List<ServiceView> list() {
		this.access.require(READ);
		return views(this.services.findAllByOrderByCodeAsc());
	}

	@Transactional(readOnly = true)
	public ServiceView get(long id) {
		this.access.require(READ);
		return views(List.of(find(id))).get(0);
	}

	public ServiceView create(ServiceFormData form) {
		this.access.require(WRITE);
		check(form, null);
		ServiceEntity s = new ServiceEntity(form.getCode().strip(), this.clock.instant());
		apply(s, form);
		return views(List.of(this.services.saveAndFlush(s))).get(0);
	}

	public ServiceView update(long id, ServiceFormData form) {
		this.access.require(WRITE);
		ServiceEntity s = find(id);
		if (form.getVersion() == null || form.getVersion() != s.getVersion()) {
			throw Conflict.staleVersion("service", s.getCode());
		}
		check(form, s.getId());
		s.setCode(form.getCode().strip());
		apply(s, form);
		s.touch(this.clock.instant());
		this.services.flush();
		return views(List.of(s)).get(0);
	}

	private void check(ServiceFormData form, Long self) {
		this.services.findByCode(form.getCode().strip())
			.filter((other) -> !other.getId().equals(self))
			.ifPresent((other) -> {
				throw new ValidationFailed("code", "service.error.duplicateCode", form.getCode());
			});
		if (form.getOwnerId() != null && !this.directory.isActiveUser(form.getOwnerId())) {
			throw new ValidationFailed("ownerId", "workitem.error.unknownUser", form.getOwnerId());
		}
		Set<Long> known = this.directory.departmentNames(form.getDepartmentIds()).keySet();
		for (Long d : form.getDepartmentIds()) {
			if (!known.contains(d)) {
				throw new ValidationFailed("departmentIds", "service.error.unknownDepartment", d);
			}
		}
	}

	private void apply(ServiceEntity s, ServiceFormData form) {
		s.setName(form.getName().strip());
		s.setDescription(blank(form.getDescription()));
		s.setOwnerId(form.getOwnerId());
		s.setActive(form.isActive());
		s.getDepartmentIds().retainAll(form.getDepartmentIds());
		s.getDepartmentIds().addAll(form.getDepartmentIds());
	}

	// ---- level agreements

	/** Sets (or first agrees) a service's level and its targets. */
	public ServiceView saveLevel(long serviceId, ServiceLevelFormData form) {
		this.access.require(WRITE);
		ServiceEntity s = find(serviceId);
		long calendarId = calendarId(form.getCalendarId());
		Instant now = this.clock.instant();
		ServiceLevel level = this.levels.findByServiceId(serviceId).orElse(null);
		if (level == null) {
			level = new ServiceLevel(serviceId, calendarId, now);
		}
		else if (form.getVersion() == null || form.getVersion() != level.getVersion()) {
			throw Conflict.staleVersion("serviceLevel", s.getCode());
		}
		Set<Integer> seen = new HashSet<>();
		List<ServiceTarget> targets = new ArrayList<>();
		for (ServiceLevelFormData.Target t : form.getTargets()) {
			if (!seen.add(t.getPriority())) {
				throw new ValidationFailed("targets", "service.error.duplicatePriority", t.getPriority());
			}
			if (t.getResponseMinutes() != null && t.getResolutionMinutes() != null
					&& t.getResponseMinutes() > t.getResolutionMinutes()) {
				throw new ValidationFailed("targets", "service.error.responseAfterResolution", t.getPriority());
			}
			if (t.getResponseMinutes() != null || t.getResolutionMinutes() != null) {
				targets.add(new ServiceTarget(t.getPriority(), t.getResponseMinutes(), t.getResolutionMinutes()));
			}
		}
		String before = level.getTargets().toString();
		level.setCalendarId(calendarId);
		level.setObjective(blank(form.getObjective()));
		level.setScope(blank(form.getScope()));
		level.setServiceHours(blank(form.getServiceHours()));
		level.setContent(blank(form.getContent()));
		level.setEffect(blank(form.getEffect()));
		level.setSecurity(blank(form.getSecurity()));
		level.setAvailabilityTarget(form.getAvailabilityTarget());
		level.setWarnPercent(form.getWarnPercent());
		level.setEffectiveFrom(form.getEffectiveFrom());
		level.setReviewDue(form.getReviewDue());
		level.getTargets().clear();
		level.getTargets().addAll(targets);
		level.touch(now);
		this.levels.saveAndFlush(level);
		if (!before.equals(targets.toString())) {
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, "serviceLevel", level.getId(), s.auditSummary())
				.withChange("targets", before, targets.toString()));
		}
		return views(List.of(s)).get(0);
	}

	/**
	 * The calendar chosen (the default one when none), refused when it does not exist.
	 */
	private long calendarId(Long chosen) {
		long id = (chosen != null) ? chosen : this.calendars.defaultCalendar().id();
		try {
			this.calendars.calendar(id);
		}
		catch (NotFound ex) {
			throw new ValidationFailed("calendarId", "service.error.unknownCalendar", id);
		}
		return id;
	}

	// ---- operational levels

	@Transactional(readOnly = true)
	public List<OlaView> olas() {
		this.access.require(READ);
		Map<Long, OlaView> byGroup = new LinkedHashMap<>();
		List<Object[]> rows = this.jdbc.query(
				"select group_id, priority, minutes, calendar_id, warn_percent from sl_ola_target order by group_id, priority",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getInt(5) });
		Set<Long> groupIds = new HashSet<>();
		rows.forEach((r) -> groupIds.add((Long) r[0]));
		Map<Long, String> names = this.directory.groupNames(groupIds);
		for (Object[] r : rows) {
			long group = (Long) r[0];
			OlaView v = byGroup.computeIfAbsent(group, (g) -> new OlaView(g, names.get(g), (Long) r[3],
					this.calendars.calendar((Long) r[3]).name(), (Integer) r[4], new HashMap<>()));
			v.minutes().put((Integer) r[1], (Integer) r[2]);
		}
		return new ArrayList<>(byGroup.values());
	}

	/** Sets a group's operational level (no minutes at all removes it). */
	public void saveOla(long groupId, OlaFormData form) {
		this.access.require(WRITE);
		if (!this.directory.isActiveGroup(groupId)) {
			throw new ValidationFailed("groupId", "workitem.error.unknownGroup", groupId);
		}
		long calendarId = calendarId(form.getCalendarId());
		MapSqlParameterSource g = new MapSqlParameterSource("g", groupId);
		String before = this.jdbc
			.queryForList("select priority, minutes from sl_ola_target where group_id = :g order by priority", g)
			.toString();
		this.jdbc.update("delete from sl_ola_target where group_id = :g", g);
		for (Map.Entry<Integer, Integer> e : form.minutes().entrySet()) {
			this.jdbc.update(
					"insert into sl_ola_target (group_id, priority, minutes, calendar_id, warn_percent)"
							+ " values (:g, :p, :m, :c, :w)",
					new MapSqlParameterSource("g", groupId).addValue("p", e.getKey())
						.addValue("m", e.getValue())
						.addValue("c", calendarId)
						.addValue("w", form.getWarnPercent()));
		}
		String after = this.jdbc
			.queryForList("select priority, minutes from sl_ola_target where group_id = :g order by priority", g)
			.toString();
		String name = this.directory.groupNames(List.of(groupId)).get(groupId);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "operationalLevel", groupId, name)
			.withChange("minutes", before, after)
			.withChange("calendar", null, calendarId));
	}

	// ---- the kernel's service picker

	@Override
	@Transactional(readOnly = true)
	public List<Option> activeServices() {
		return this.services.findByActiveTrueOrderByNameAsc()
			.stream()
			.map((s) -> new Option(s.getId(), s.getCode(), s.getName()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		this.services.findAllById(ids).forEach((s) -> names.put(s.getId(), s.getName()));
		return names;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isActive(long id) {
		return this.services.findById(id).map(ServiceEntity::isActive).orElse(false);
	}

	// ---- views

	private List<ServiceView> views(List<ServiceEntity> all) {
		Set<Long> people = new HashSet<>();
		Set<Long> departments = new HashSet<>();
		all.forEach((s) -> {
			if (s.getOwnerId() != null) {
				people.add(s.getOwnerId());
			}
			departments.addAll(s.getDepartmentIds());
		});
		Map<Long, String> userNames = this.directory.userNames(people);
		Map<Long, String> departmentNames = this.directory.departmentNames(departments);
		Map<Long, ServiceLevel> levelsByService = new HashMap<>();
		if (!all.isEmpty()) {
			this.levels.findByServiceIdIn(all.stream().map(ServiceEntity::getId).toList())
				.forEach((l) -> levelsByService.put(l.getServiceId(), l));
		}
		List<ServiceView> views = new ArrayList<>();
		for (ServiceEntity s : all) {
			Directory.Entry owner = (s.getOwnerId() == null) ? null
					: new Directory.Entry(s.getOwnerId(), userNames.get(s.getOwnerId()), null);
			List<Directory.Entry> served = s.getDepartmentIds()
				.stream()
				.map((d) -> new Directory.Entry(d, departmentNames.get(d), null))
				.toList();
			views.add(new ServiceView(s.getId(), s.getVersion(), s.getCode(), s.getName(), s.getDescription(), owner,
					served, s.isActive(), level(levelsByService.get(s.getId())), s.getCreatedAt(), s.getUpdatedAt()));
		}
		return views;
	}

	private ServiceLevelView level(ServiceLevel l) {
		if (l == null) {
			return null;
		}
		List<ServiceLevelView.Target> targets = l.getTargets()
			.stream()
			.map((t) -> new ServiceLevelView.Target(t.getPriority(), t.getResponseMinutes(), t.getResolutionMinutes()))
			.toList();
		return new ServiceLevelView(l.getId(), l.getVersion(), l.getCalendarId(),
				this.calendars.calendar(l.getCalendarId()).name(), l.getObjective(), l.getScope(), l.getServiceHours(),
				l.getContent(), l.getEffect(), l.getSecurity(), l.getAvailabilityTarget(), l.getWarnPercent(),
				l.getEffectiveFrom(), l.getReviewDue(), targets, l.getUpdatedAt());
	}

	private ServiceEntity find(long id) {
		return this.services.findById(id).orElseThrow(() -> NotFound.of("service", id));
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
