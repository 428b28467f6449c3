package org.yunwei.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.calendar.BusinessCalendar.Period;
import org.yunwei.calendar.internal.CalendarDay;
import org.yunwei.calendar.internal.CalendarDayRepository;
import org.yunwei.calendar.internal.CalendarEntity;
import org.yunwei.calendar.internal.CalendarPeriod;
import org.yunwei.calendar.internal.CalendarPeriodRepository;
import org.yunwei.calendar.internal.CalendarRepository;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.AccessControl;

/**
 * The business calendars: read them for arithmetic (cached, refreshed on every change),
 * show them, and change their hours and special days ({@code calendar:write}). Every
 * change is audited. The default calendar ships with the official 2025 and 2026
 * arrangements; later years are imported from the same CSV format.
 */
@Service
@Transactional
public class Calendars {

	public static final String READ = "calendar:read";

	public static final String WRITE = "calendar:write";

	/** The shipped arrangements, each a CSV whose first line cites its notice. */
	static final List<String> SHIPPED = List.of("calendar/CN-2025.csv", "calendar/CN-2026.csv");

	private final CalendarRepository calendars;

	private final CalendarPeriodRepository periods;

	private final CalendarDayRepository days;

	private final AccessControl access;

	private final Clock clock;

	/**
	 * Built calendars with the change time they were built at (several nodes may edit).
	 */
	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(java.time.Instant updatedAt, BusinessCalendar calendar) {
	}

	Calendars(CalendarRepository calendars, CalendarPeriodRepository periods, CalendarDayRepository days,
			AccessControl access, Clock clock) {
		this.calendars = calendars;
		this.periods = periods;
		this.days = days;
		this.access = access;
		this.clock = clock;
	}

	/** The organisation's default calendar, for arithmetic (no permission needed). */
	@Transactional(readOnly = true)
	public BusinessCalendar defaultCalendar() {
		CalendarEntity c = this.calendars.findFirstByDefaultCalendarTrue()
			.orElseThrow(() -> NotFound.of("calendar", "default"));
		return calendar(c.getId());
	}

	/** A calendar for arithmetic (no permission needed). */
	@Transactional(readOnly = true)
	public BusinessCalendar calendar(long id) {
		CalendarEntity c = this.calendars.findById(id).orElseThrow(() -> NotFound.of("calendar", id));
		Cached known = this.cache.get(id);
		if (known != null && known.updatedAt().equals(c.getUpdatedAt())) {
			return known.calendar();
		}
		Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
		for (CalendarPeriod p : this.periods.findByCalendarIdOrderByWeekdayAscStartTimeAsc(id)) {
			week.computeIfAbsent(DayOfWeek.of(p.getWeekday()), (d) -> new ArrayList<>())
				.add(new Period(p.getStartTime(), p.getEndTime()));
		}
		Map<LocalDate, DayKind> special = new HashMap<>();
		this.days.findByCalendarIdOrderByDateAsc(id).forEach((d) -> special.put(d.getDate(), d.getKind()));
		BusinessCalendar built = new BusinessCalendar(id, c.getNameZh(), ZoneId.of(c.getZone()), week, special);
		this.cache.put(id, new Cached(c.getUpdatedAt(), built));
		return built;
	}

	@Transactional(readOnly = true)
	public List<CalendarView> list() {
		this.access.require(READ);
		return this.calendars.findAllByOrderByIdAsc().stream().map((c) -> view(c, null)).toList();
	}

	/** A calendar with its special days of one year. */
	@Transactional(readOnly = true)
	public CalendarView get(long id, Integer year) {
		this.access.require(READ);
		return view(find(id), year);
	}

	/** Adds or replaces a special day. */
	public CalendarView.Day putDay(long id, LocalDate date, DayKind kind, String nameZh, String nameEn) {
		this.access.require(WRITE);
		CalendarEntity c = find(id);
		List<Violation> v = new ArrayList<>();
		if (date == null) {
			v.add(new Violation("date", "calendar.error.date", List.of("")));
		}
		if (kind == null) {
			v.add(new Violation("kind", "calendar.error.kind", List.of("")));
		}
		if (nameZh == null || nameZh.isBlank()) {
			v.add(new Violation("nameZh", "calendar.error.name", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		this.days.findByCalendarIdAndDate(id, date).ifPresent((old) -> {
			this.days.delete(old);
			this.days.flush();
		});
		CalendarDay saved = this.days.saveAndFlush(new CalendarDay(id, date, kind, nameZh.strip(),
				(nameEn == null || nameEn.isBlank()) ? nameZh.strip() : nameEn.strip(), null));
		changed(c);
		return day(saved);
	}

	public void removeDay(long id, long dayId) {
		this.access.require(WRITE);
		CalendarEntity c = find(id);
		CalendarDay d = this.days.findById(dayId)
			.filter((x) -> x.getCalendarId() == id)
			.orElseThrow(() -> NotFound.of("calendarDay", dayId));
		this.days.delete(d);
		changed(c);
	}

	/**
	 * Sets the working periods of each weekday (1 = Monday … 7 = Sunday) from text such
	 * as {@code 09:00-12:00, 13:30-17:30}; an empty text is a day off; {@code 24:00} ends
	 * a day. The version must be the one the caller saw.
	 */
	public void setHours(long id, Map<Integer, String> hours, Integer version) {
		this.access.require(WRITE);
		CalendarEntity c = find(id);
		if (version == null || version != c.getVersion()) {
			throw Conflict.staleVersion("calendar", id);
		}
		Map<Integer, List<Period>> parsed = new LinkedHashMap<>();
		List<Violation> v = new ArrayList<>();
		for (int weekday = 1; weekday <= 7; weekday++) {
			String text = hours.getOrDefault(weekday, "");
			try {
				parsed.put(weekday, parsePeriods(text));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				v.add(new Violation("hours[" + weekday + "]", "calendar.error.hours", List.of(text)));
			}
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		this.periods.deleteAll(this.periods.findByCalendarIdOrderByWeekdayAscStartTimeAsc(id));
		this.periods.flush();
		parsed.forEach((weekday, list) -> list
			.forEach((p) -> this.periods.save(new CalendarPeriod(id, weekday, p.start(), p.end()))));
		this.periods.flush();
		changed(c);
	}

	/** The outcome of an import: how many days it added or replaced. */
	public record ImportResult(int days, String source) {
	}

	/**
	 * Imports special days from CSV ({@code date,kind,name_zh,name_en}, lines starting
	 * with {@code #} are comments, the first one naming the source). All or nothing: any
	 * bad row refuses the whole file, naming the row and the field.
	 */
	public ImportResult importDays(long id, String csv) {
		this.access.require(WRITE);
		CalendarEntity c = find(id);
		Parsed parsed = parse(csv);
		if (!parsed.violations().isEmpty()) {
			throw new ValidationFailed(parsed.violations());
		}
		store(id, parsed);
		changed(c);
		return new ImportResult(parsed.rows().size(), parsed.source());
	}

	/** Creates the shipped calendars on first start. */
	public void installDefaults() {
		if (!this.calendars.findAll().isEmpty()) {
			return;
		}
		CalendarEntity cn = this.calendars.saveAndFlush(new CalendarEntity("cn-workdays", "中国大陆工作日",
				"China mainland working days", "Asia/Shanghai", true, this.clock.instant()));
		for (int weekday = 1; weekday <= 5; weekday++) {
			this.periods.save(new CalendarPeriod(cn.getId(), weekday, LocalTime.of(9, 0), LocalTime.of(12, 0)));
			this.periods.save(new CalendarPeriod(cn.getId(), weekday, LocalTime.of(13, 30), LocalTime.of(17, 30)));
		}
		for (String resource : SHIPPED) {
			Parsed parsed = parse(read(resource));
			if (!parsed.violations().isEmpty()) {
				throw new IllegalStateException(
						"shipped calendar data " + resource + " is invalid: " + parsed.violations());
			}
			store(cn.getId(), parsed);
		}
		CalendarEntity always = this.calendars.saveAndFlush(new CalendarEntity("24x7", "全天候（7×24）",
				"Around the clock (24×7)", "Asia/Shanghai", false, this.clock.instant()));
		for (int weekday = 1; weekday <= 7; weekday++) {
			this.periods.save(new CalendarPeriod(always.getId(), weekday, LocalTime.MIN, LocalTime.MAX));
		}
		this.periods.flush();
		this.cache.clear();
	}

	private record Row(LocalDate date, DayKind kind, String nameZh, String nameEn) {
	}

	private record Parsed(List<Row> rows, String source, List<Violation> violations) {
	}

	private static Parsed parse(String csv) {
		List<Row> rows = new ArrayList<>();
		List<Violation> v = new ArrayList<>();
		String source = null;
		boolean header = false;
		String[] lines = (csv == null) ? new String[0] : csv.replace("\uFEFF", "").split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			int n = i + 1;
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("#")) {
				if (source == null) {
					source = line.substring(1).strip();
				}
				continue;
			}
			if (!header && line.toLowerCase().startsWith("date,")) {
				header = true;
				continue;
			}
			String[] cells = line.split(",", -1);
			if (cells.length < 3) {
				v.add(new Violation("row " + n, "calendar.error.columns", List.of(n)));
				continue;
			}
			LocalDate date = null;
			try {
				date = LocalDate.parse(cells[0].strip());
			}
			catch (DateTimeParseException ex) {
				v.add(new Violation("row " + n + ": date", "calendar.error.date", List.of(cells[0].strip())));
			}
			DayKind kind = null;
			try {
				kind = DayKind.valueOf(cells[1].strip().toUpperCase());
			}
			catch (IllegalArgumentException ex) {
				v.add(new Violation("row " + n + ": kind", "calendar.error.kind", List.of(cells[1].strip())));
			}
			String nameZh = cells[2].strip();
			if (nameZh.isEmpty()) {
				v.add(new Violation("row " + n + ": name_zh", "calendar.error.name", List.of()));
			}
			String nameEn = (cells.length > 3 && !cells[3].isBlank()) ? cells[3].strip() : nameZh;
			if (date != null && kind != null && !nameZh.isEmpty()) {
				rows.add(new Row(date, kind, nameZh, nameEn));
			}
		}
		if (rows.isEmpty() && v.isEmpty()) {
			v.add(new Violation("file", "calendar.error.empty", List.of()));
		}
		return new Parsed(rows, source, v);
	}

	private void store(long calendarId, Parsed parsed) {
		for (Row r : parsed.rows()) {
			this.days.findByCalendarIdAndDate(calendarId, r.date()).ifPresent((old) -> {
				this.days.delete(old);
				this.days.flush();
			});
			this.days.save(new CalendarDay(calendarId, r.date(), r.kind(), r.nameZh(), r.nameEn(), parsed.source()));
		}
		this.days.flush();
	}

	static List<Period> parsePeriods(String text) {
		List<Period> result = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return result;
		}
		for (String part : text.split("[,，;；\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			String[] ends = part.split("[-–~]");
			if (ends.length != 2) {
				throw new IllegalArgumentException(part);
			}
			LocalTime start = LocalTime.parse(pad(ends[0]));
			LocalTime end = "24:00".equals(pad(ends[1])) ? LocalTime.MAX : LocalTime.parse(pad(ends[1]));
			result.add(new Period(start, end));
		}
		result.sort((a, b) -> a.start().compareTo(b.start()));
		for (int i = 1; i < result.size(); i++) {
			if (result.get(i).start().isBefore(result.get(i - 1).end())) {
				throw new IllegalArgumentException("overlap");
			}
		}
		return result;
	}

	private static String pad(String time) {
		String t = time.strip();
		return (t.length() == 4) ? "0" + t : t;
	}

	static String formatPeriods(List<Period> periods) {
		List<String> parts = new ArrayList<>();
		for (Period p : periods) {
			String end = p.end().equals(LocalTime.MAX) ? "24:00" : p.end().toString();
			parts.add(p.start() + "-" + end);
		}
		return String.join(", ", parts);
	}

	private CalendarView view(CalendarEntity c, Integer year) {
		Map<Integer, List<Period>> byDay = new LinkedHashMap<>();
		for (int d = 1; d <= 7; d++) {
			byDay.put(d, new ArrayList<>());
		}
		this.periods.findByCalendarIdOrderByWeekdayAscStartTimeAsc(c.getId())
			.forEach((p) -> byDay.get(p.getWeekday()).add(new Period(p.getStartTime(), p.getEndTime())));
		Map<Integer, String> hours = new LinkedHashMap<>();
		byDay.forEach((d, list) -> hours.put(d, formatPeriods(list)));
		List<CalendarView.Day> special = (year == null) ? List.of()
				: this.days
					.findByCalendarIdAndDateBetweenOrderByDateAsc(c.getId(), LocalDate.of(year, 1, 1),
							LocalDate.of(year, 12, 31))
					.stream()
					.map(Calendars::day)
					.toList();
		return new CalendarView(c.getId(), c.getCode(), c.getNameZh(), c.getNameEn(), c.getZone(),
				c.isDefaultCalendar(), c.getVersion(), hours, special);
	}

	private static CalendarView.Day day(CalendarDay d) {
		return new CalendarView.Day(d.getId(), d.getDate(), d.getKind(), d.getNameZh(), d.getNameEn(), d.getSource());
	}

	private CalendarEntity find(long id) {
		return this.calendars.findById(id).orElseThrow(() -> NotFound.of("calendar", id));
	}

	private void changed(CalendarEntity c) {
		c.touch(this.clock.instant());
		this.calendars.flush();
		this.cache.remove(c.getId());
	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("missing " + resource, ex);
		}
	}

}
