package org.yunwei.servicedesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.calendar.Calendars;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;

/**
 * The service desk's duty roster (值班表) and service hours (7.8): the hours are the
 * organisation's business calendar (working days and periods, holidays and make-up days);
 * the roster says who is on duty when, so outside the hours the portal names whom to
 * call. The desk's lead ({@value DeskTemplates#MANAGE}) keeps the roster.
 */
@Service
@Transactional
public class DutyRoster {

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final Directory directory;

	private final Calendars calendars;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	DutyRoster(NamedParameterJdbcTemplate jdbc, AccessControl access, Directory directory, Calendars calendars,
			AuditTrail audit, Clock clock, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.calendars = calendars;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** A shift: who is on duty from when to when, and how to reach them. */
	public record Shift(long id, long userId, String name, String mobile, String email, Instant startsAt,
			Instant endsAt, String note) {
	}

	/**
	 * Whether the desk is within its service hours now, today's hours
	 * ({@code HH:mm–HH:mm}, none on a day off), when it opens next, and who is on duty
	 * now.
	 */
	public record ServiceStatus(boolean open, List<String> todaysHours, Instant opensAt, List<Shift> onDuty) {
	}

	/**
	 * The shifts that overlap the days from {@code from} to {@code to} (both included).
	 */
	@Transactional(readOnly = true)
	public List<Shift> shifts(LocalDate from, LocalDate to) {
		requireAgent();
		if (to.isBefore(from) || from.plusDays(92).isBefore(to)) {
			throw new ValidationFailed("to", "desk.duty.error.range");
		}
		return shifts(from.atStartOfDay(this.zone).toInstant(), to.plusDays(1).atStartOfDay(this.zone).toInstant());
	}

	public Shift add(DutyFormData form) {
		CurrentUser me = this.access.require(DeskTemplates.MANAGE);
		if (form.getUserId() == null || !this.directory.isActiveUser(form.getUserId())) {
			throw new ValidationFailed("userId", "workitem.error.unknownUser", form.getUserId());
		}
		if (form.getStartsAt() == null || form.getEndsAt() == null || !form.getEndsAt().isAfter(form.getStartsAt())) {
			throw new ValidationFailed("endsAt", "desk.duty.error.order");
		}
		Instant start = form.getStartsAt().atZone(this.zone).toInstant();
		Instant end = form.getEndsAt().atZone(this.zone).toInstant();
		if (Duration.between(start, end).toDays() > 7) {
			throw new ValidationFailed("endsAt", "desk.duty.error.tooLong");
		}
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.update(
				"insert into sd_duty (user_id, starts_at, ends_at, note, created_by, created_at)"
						+ " values (:u, :s, :e, :n, :by, :at)",
				new MapSqlParameterSource("u", form.getUserId()).addValue("s", Timestamps.utc(start))
					.addValue("e", Timestamps.utc(end))
					.addValue("n", (form.getNote() == null || form.getNote().isBlank()) ? null : form.getNote().strip())
					.addValue("by", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())),
				key, new String[] { "id" });
		long id = key.getKey().longValue();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "dutyShift", id, form.getUserId() + " " + start));
		return rows("where d.id = :id", new MapSqlParameterSource("id", id)).get(0);
	}

	public void remove(long id) {
		this.access.require(DeskTemplates.MANAGE);
		if (this.jdbc.update("delete from sd_duty where id = :id", new MapSqlParameterSource("id", id)) == 0) {
			throw NotFound.of("dutyShift", id);
		}
		this.audit.record(AuditEvent.of(AuditAction.DELETE, "dutyShift", id, String.valueOf(id)));
	}

	/** The service hours now and who is on duty, for anyone signed in (the portal). */
	@Transactional(readOnly = true)
	public ServiceStatus status() {
		this.access.user();
		Instant now = this.clock.instant();
		BusinessCalendar calendar = this.calendars.defaultCalendar();
		LocalDate today = now.atZone(calendar.zone()).toLocalDate();
		List<String> hours = calendar.periods(today)
			.stream()
			.map((p) -> HOURS.format(p.start()) + "–" + HOURS.format(p.end()))
			.toList();
		Instant opens = calendar.nextWorkingMinute(now);
		boolean open = !opens.isAfter(now);
		return new ServiceStatus(open, hours, open ? null : opens, shifts(now, now.plusSeconds(1)));
	}

	private List<Shift> shifts(Instant from, Instant to) {
		return rows("where d.starts_at < :to and d.ends_at > :from",
				new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to)));
	}

	private List<Shift> rows(String where, MapSqlParameterSource p) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select d.id, d.user_id, d.starts_at, d.ends_at, d.note from sd_duty d " + where
					+ " order by d.starts_at, d.id", p);
		Map<Long, Directory.Person> people = this.directory
			.people(rows.stream().map((r) -> ((Number) r.get("user_id")).longValue()).toList());
		List<Shift> out = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			long user = ((Number) r.get("user_id")).longValue();
			Directory.Person person = people.get(user);
			out.add(new Shift(((Number) r.get("id")).longValue(), user, (person == null) ? "#" + user : person.name(),
					(person == null) ? null : person.mobile(), (person == null) ? null : person.email(),
					Timestamps.instant(r.get("starts_at")), Timestamps.instant(r.get("ends_at")),
					(String) r.get("note")));
		}
		return out;
	}

	private void requireAgent() {
		CurrentUser me = this.access.user();
		if (!me.has(DeskTemplates.MANAGE) && !TicketKind.handledBy(me)) {
			throw org.yunwei.platform.Forbidden.missing("incident:write");
		}
	}

	/**
	 * A shift as the desk's lead enters it (local date-times in the organisation's zone).
	 */
	public static class DutyFormData {

		private Long userId;

		@org.springframework.format.annotation.DateTimeFormat(
				iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime startsAt;

		@org.springframework.format.annotation.DateTimeFormat(
				iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime endsAt;

		@jakarta.validation.constraints.Size(max = 200)
		private String note;

		public Long getUserId() {
			return this.userId;
		}

		public void setUserId(Long userId) {
			this.userId = userId;
		}

		public LocalDateTime getStartsAt() {
			return this.startsAt;
		}

		public void setStartsAt(LocalDateTime startsAt) {
			this.startsAt = startsAt;
		}

		public LocalDateTime getEndsAt() {
			return this.endsAt;
		}

		public void setEndsAt(LocalDateTime endsAt) {
			this.endsAt = endsAt;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

}
