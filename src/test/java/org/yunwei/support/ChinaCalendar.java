package org.yunwei.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.calendar.BusinessCalendar.Period;
import org.yunwei.calendar.DayKind;

/**
 * The shipped China calendar for unit tests: weekday hours as given, with the official
 * 2025 and 2026 holiday arrangements read from the application's own CSV files.
 */
public final class ChinaCalendar {

	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The files the application ships (calendar/CN-2025.csv, calendar/CN-2026.csv). */
	public static final List<String> SHIPPED = List.of("calendar/CN-2025.csv", "calendar/CN-2026.csv");

	private ChinaCalendar() {
	}

	/** 09:00–12:00 and 13:30–17:30 on working days, in Beijing time. */
	public static BusinessCalendar standard() {
		return of(SHANGHAI, "09:00-12:00", "13:30-17:30");
	}

	/** The arrangements with these working hours ("HH:mm-HH:mm" each) in a zone. */
	public static BusinessCalendar of(ZoneId zone, String... hours) {
		List<Period> periods = new ArrayList<>();
		for (String h : hours) {
			String[] ends = h.split("-");
			periods.add(new Period(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
		}
		Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			week.put(d, periods);
		}
		Map<LocalDate, DayKind> days = new HashMap<>();
		for (String resource : SHIPPED) {
			for (String line : read(resource).split("\n")) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
					continue;
				}
				String[] cells = line.split(",");
				days.put(LocalDate.parse(cells[0]), DayKind.valueOf(cells[1]));
			}
		}
		return new BusinessCalendar(1, "中国大陆工作日", zone, week, days);
	}

	public static String read(String resource) {
		try (InputStream in = ChinaCalendar.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A Beijing local date-time ("2026-11-23T09:00") as an instant. */
	public static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

}
