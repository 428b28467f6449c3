package org.yunwei.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.calendar.Calendars;
import org.yunwei.document.Sop;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.schedule.internal.RecurringActivity;
import org.yunwei.schedule.internal.RecurringActivityRepository;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Recurring activities: define them, preview their next occurrences on the business
 * calendar, and turn each occurrence into a work item (done by the scheduled job, acting
 * for the activity's owner). Each occurrence is recorded once (a unique key), so a retry,
 * a second node or a catch-up after downtime never creates it twice.
 */
@Service
@Transactional
public class RecurringWork {

	public static final String READ = "schedule:read";

	public static final String WRITE = "schedule:write";

	private static final Logger log = LoggerFactory.getLogger(RecurringWork.class);

	private final RecurringActivityRepository activities;

	private final Calendars calendars;

	private final WorkItems workItems;

	private final org.yunwei.workitem.Checklists checklists;

	private final WorkItemTypes types;

	private final AccessControl access;

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate own;

	private final Clock clock;

	private final org.yunwei.document.DocumentManagement documents;

	RecurringWork(org.yunwei.document.DocumentManagement documents, org.yunwei.workitem.Checklists checklists,
			RecurringActivityRepository activities, Calendars calendars, WorkItems workItems, WorkItemTypes types,
			AccessControl access, Directory directory, NamedParameterJdbcTemplate jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.documents = documents;
		this.checklists = checklists;
		this.activities = activities;
		this.calendars = calendars;
		this.workItems = workItems;
		this.types = types;
		this.access = access;
		this.directory = directory;
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RecurringActivityView> list() {
		this.access.require(READ);
		return this.activities.findAllByOrderByIdDesc().stream().map((a) -> view(a, 1, false)).toList();
	}

	/**
	 * The active activities creating records of a type, each with its last ten
	 * occurrences (read by the system: the conformance engine's evidence that an activity
	 * is held on schedule).
	 */
	@Transactional(readOnly = true)
	public List<RecurringActivityView> activeOfType(String type) {
		return this.activities.findAllByOrderByIdDesc()
			.stream()
			.filter((a) -> a.isActive() && type.equals(a.getTypeCode()))
			.map((a) -> view(a, 10, true))
			.toList();
	}

	/** The activities about one service (e.g. its periodic service-level reviews). */
	@Transactional(readOnly = true)
	public List<RecurringActivityView> forService(long serviceId) {
		this.access.require(READ);
		return this.activities.findByServiceIdOrderByIdDesc(serviceId).stream().map((a) -> view(a, 1, true)).toList();
	}

	@Transactional(readOnly = true)
	public RecurringActivityView get(long id) {
		this.access.require(READ);
		return view(find(id), 10, true);
	}

	/**
	 * The occurrences a form would produce after {@code from} (now when null), without
	 * saving it.
	 */
	@Transactional(readOnly = true)
	public List<Instant> preview(RecurringActivityFormData form, Instant from, int count) {
		this.access.require(READ);
		check(form);
		Instant start = (from != null) ? from
				: LocalDateTime.of(form.getStartDate(), form.getStartTime())
					.atZone(calendar(form.getCalendarId()).zone())
					.toInstant()
					.minusSeconds(1);
		Instant after = start.isAfter(this.clock.instant()) || from != null ? start : this.clock.instant();
		return recurrence(form.getRrule(), LocalDateTime.of(form.getStartDate(), form.getStartTime()),
				calendar(form.getCalendarId()), form.getPolicy())
			.next(after, Math.min(count, 100));
	}

	public RecurringActivityView create(RecurringActivityFormData form) {
		CurrentUser me = this.access.require(WRITE);
		check(form);
		this.access.require(this.types.get(form.getType()).writePermission());
		RecurringActivity a = new RecurringActivity(form.getType(), me.id(), this.clock.instant());
		apply(a, form);
		return view(this.activities.saveAndFlush(a), 10, true);
	}

	public RecurringActivityView update(long id, RecurringActivityFormData form) {
		this.access.require(WRITE);
		RecurringActivity a = find(id);
		if (form.getVersion() == null || form.getVersion() != a.getVersion()) {
			throw Conflict.staleVersion("recurringActivity", id);
		}
		check(form);
		apply(a, form);
		a.touch(this.clock.instant());
		this.activities.flush();
		return view(a, 10, true);
	}

	/**
	 * Creates the work items of every occurrence due by {@code now} that is not yet
	 * created; returns how many it created.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public int generate(Instant now) {
		int created = 0;
		for (RecurringActivity a : this.activities.findByActiveTrueOrderByIdAsc()) {
			BusinessCalendar calendar = this.calendars.calendar(a.getCalendarId());
			List<Instant> due = recurrence(a.getRrule(), a.getStartLocal(), calendar, a.getPolicy())
				.between(a.getGeneratedUntil(), now);
			for (Instant occurs : due) {
				if (occur(a, calendar, occurs)) {
					created++;
				}
			}
			this.own.executeWithoutResult((status) -> this.jdbc.update(
					"update rc_activity set generated_until = :until where id = :id and generated_until < :until",
					new MapSqlParameterSource("id", a.getId()).addValue("until",
							now.atOffset(java.time.ZoneOffset.UTC))));
		}
		return created;
	}

	/** Records one occurrence and creates its work item, once. */
	private boolean occur(RecurringActivity a, BusinessCalendar calendar, Instant occurs) {
		Instant dueAt = calendar.addMinutes(occurs, a.getDueMinutes() == null ? 240 : a.getDueMinutes());
		MapSqlParameterSource key = new MapSqlParameterSource("activity", a.getId())
			.addValue("at", occurs.atOffset(java.time.ZoneOffset.UTC))
			.addValue("due", dueAt.atOffset(java.time.ZoneOffset.UTC))
			.addValue("now", this.clock.instant().atOffset(java.time.ZoneOffset.UTC));
		try {
			return Boolean.TRUE.equals(this.access.runAs(a.getOwnerId(), () -> this.own.execute((status) -> {
				this.jdbc.update("insert into rc_occurrence (activity_id, occurs_at, due_at, created_at)"
						+ " values (:activity, :at, :due, :now)", key);
				WorkItemFormData form = new WorkItemFormData();
				form.setTitle(a.getTitle() + " " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd")
					.format(occurs.atZone(calendar.zone())));
				Optional<Sop> sop = (a.getSopDocumentId() == null) ? Optional.empty()
						: this.documents.sop(a.getSopDocumentId());
				form.setDescription(sop
					.map((x) -> join(a.getDescription(), "SOP: " + x.number() + " v" + x.label() + " " + x.title()))
					.orElse(a.getDescription()));
				form.setImpact(a.getImpact());
				form.setUrgency(a.getUrgency());
				form.setGroupId(a.getGroupId());
				form.setServiceId(a.getServiceId());
				form.setAssigneeId(a.getAssigneeId());
				form.setDueAt(LocalDateTime.ofInstant(dueAt, this.workItems.zone()));
				form.setTags(new ArrayList<>(List.of("recurring")));
				WorkItemView item = this.workItems.create(a.getTypeCode(), form);
				if (sop.isPresent()) {
					this.checklists.seed(item.id(), sop.get().steps());
				}
				else if (a.getChecklist() != null) {
					this.checklists.seed(item.id(), List.of(a.getChecklist().split("\\R")));
				}
				this.jdbc.update(
						"update rc_occurrence set work_item_id = :item, number = :number"
								+ " where activity_id = :activity and occurs_at = :at",
						key.addValue("item", item.id()).addValue("number", item.number()));
				return true;
			})));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		catch (DomainException ex) {
			// keep the occurrence, with why it has no work item, so it is seen and not
			// lost
			log.warn("recurring activity {} could not create its work item for {}: {}", a.getId(), occurs,
					ex.messageKey());
			try {
				this.own.executeWithoutResult((status) -> this.jdbc.update(
						"insert into rc_occurrence (activity_id, occurs_at, due_at, error, created_at)"
								+ " values (:activity, :at, :due, :error, :now)",
						key.addValue("error", ex.messageKey())));
			}
			catch (DuplicateKeyException again) {
				// recorded by another node meanwhile
			}
			return false;
		}
	}

	private void check(RecurringActivityFormData form) {
		List<ValidationFailed.Violation> v = new ArrayList<>();
		this.types.get(form.getType());
		if (!Recurrence.isValid(form.getRrule())) {
			v.add(new ValidationFailed.Violation("rrule", "schedule.error.rrule",
					List.of(String.valueOf(form.getRrule()))));
		}
		if (form.getGroupId() != null && !this.directory.isActiveGroup(form.getGroupId())) {
			v.add(new ValidationFailed.Violation("groupId", "workitem.error.unknownGroup", List.of(form.getGroupId())));
		}
		if (form.getServiceId() != null
				&& this.workItems.serviceOptions().stream().noneMatch((s) -> s.id() == form.getServiceId())) {
			v.add(new ValidationFailed.Violation("serviceId", "workitem.error.unknownService",
					List.of(form.getServiceId())));
		}
		if (form.getAssigneeId() != null && !this.directory.isActiveUser(form.getAssigneeId())) {
			v.add(new ValidationFailed.Violation("assigneeId", "workitem.error.unknownUser",
					List.of(form.getAssigneeId())));
		}
		if (form.getSopDocumentId() != null && this.documents.sop(form.getSopDocumentId()).isEmpty()) {
			v.add(new ValidationFailed.Violation("sopDocumentId", "schedule.error.sop",
					List.of(form.getSopDocumentId())));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
	}

	private static String join(String description, String line) {
		return (description == null) ? line : description + "\n\n" + line;
	}

	private void apply(RecurringActivity a, RecurringActivityFormData form) {
		a.setTitle(form.getTitle().strip());
		a.setDescription((form.getDescription() == null || form.getDescription().isBlank()) ? null
				: form.getDescription().strip());
		a.setRrule(form.getRrule().strip().replaceFirst("(?i)^RRULE:", ""));
		a.setStartLocal(LocalDateTime.of(form.getStartDate(), form.getStartTime()));
		a.setCalendarId(calendar(form.getCalendarId()).id());
		a.setPolicy(form.getPolicy());
		a.setDueMinutes(form.getDueMinutes());
		a.setGroupId(form.getGroupId());
		a.setServiceId(form.getServiceId());
		a.setChecklist(
				(form.getChecklist() == null || form.getChecklist().isBlank()) ? null : form.getChecklist().strip());
		a.setAssigneeId(form.getAssigneeId());
		a.setSopDocumentId(form.getSopDocumentId());
		a.setImpact(form.getImpact());
		a.setUrgency(form.getUrgency());
		a.setActive(form.isActive());
	}

	private BusinessCalendar calendar(Long id) {
		return (id == null) ? this.calendars.defaultCalendar() : this.calendars.calendar(id);
	}

	private static Recurrence recurrence(String rrule, LocalDateTime start, BusinessCalendar calendar,
			NonWorkingDayPolicy policy) {
		return new Recurrence(rrule, start, calendar, policy);
	}

	private RecurringActivity find(long id) {
		return this.activities.findById(id).orElseThrow(() -> NotFound.of("recurringActivity", id));
	}

	private RecurringActivityView view(RecurringActivity a, int nextCount, boolean withOccurrences) {
		BusinessCalendar calendar = this.calendars.calendar(a.getCalendarId());
		List<Instant> next = a.isActive() ? recurrence(a.getRrule(), a.getStartLocal(), calendar, a.getPolicy())
			.next(this.clock.instant(), nextCount) : List.of();
		List<RecurringActivityView.Occurrence> occurrences = withOccurrences ? occurrences(a) : List.of();
		String owner = this.directory.userNames(List.of(a.getOwnerId())).get(a.getOwnerId());
		String sopName = (a.getSopDocumentId() == null) ? null
				: this.documents.sop(a.getSopDocumentId())
					.map((x) -> x.number() + " v" + x.label() + " " + x.title())
					.orElse("#" + a.getSopDocumentId());
		return new RecurringActivityView(a.getId(), a.getVersion(), a.getTypeCode(), a.getTitle(), a.getDescription(),
				a.getRrule(), a.getStartLocal(), a.getCalendarId(), calendar.name(), a.getPolicy(),
				a.getDueMinutes() == null ? 240 : a.getDueMinutes(), a.getGroupId(), a.getAssigneeId(), a.getImpact(),
				a.getUrgency(), a.isActive(), owner, next, occurrences, a.getServiceId(), a.getChecklist(),
				a.getSopDocumentId(), sopName);
	}

	private List<RecurringActivityView.Occurrence> occurrences(RecurringActivity a) {
		List<Object[]> raw = this.jdbc.query(
				"select occurs_at, due_at, work_item_id, number, error from rc_occurrence where activity_id = :id"
						+ " order by occurs_at desc fetch first 50 rows only",
				new MapSqlParameterSource("id", a.getId()),
				(rs, i) -> new Object[] { rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
						rs.getObject(2, java.time.OffsetDateTime.class) == null ? null
								: rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
						rs.getObject(3, Long.class), rs.getString(4), rs.getString(5) });
		List<Long> ids = new ArrayList<>();
		raw.forEach((r) -> {
			if (r[2] != null) {
				ids.add((Long) r[2]);
			}
		});
		Map<Long, WorkItemRow> items = new HashMap<>();
		if (!ids.isEmpty() && this.access.has(this.types.get(a.getTypeCode()).readPermission())) {
			this.workItems.rows(a.getTypeCode(), ids).forEach((r) -> items.put(r.id(), r));
		}
		Instant now = this.clock.instant();
		List<RecurringActivityView.Occurrence> result = new ArrayList<>();
		for (Object[] r : raw) {
			Instant due = (Instant) r[1];
			WorkItemRow item = (r[2] != null) ? items.get(r[2]) : null;
			Boolean onTime = null;
			if (item != null && item.resolvedAt() != null && due != null) {
				onTime = !item.resolvedAt().isAfter(due);
			}
			else if (due != null && due.isBefore(now) && r[4] == null) {
				onTime = false;
			}
			result.add(new RecurringActivityView.Occurrence((Instant) r[0], due, (String) r[3], (String) r[4], onTime));
		}
		return result;
	}

}
