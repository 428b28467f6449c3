package org.yunwei.servicelevel.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.yunwei.platform.web.Formats;
import org.yunwei.workitem.SlaStatus;

/**
 * Service-level figures as pages show them: working minutes as {@code 1 d 2 h}, shares in
 * percent, short due times, and the colour of a status bar. Templates call it as
 * {@code @slaTime}.
 */
@Component("slaTime")
public class SlaTime {

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Formats formats;

	SlaTime(Formats formats) {
		this.formats = formats;
	}

	/**
	 * Minutes (of working time) as people read them: {@code 45 min}, {@code 4 h},
	 * {@code 2 h 15 min}, {@code 26 h} (no days: a working day is not 24 hours); the sign
	 * is dropped; empty for none.
	 */
	public String duration(Number minutes) {
		if (minutes == null) {
			return "";
		}
		long m = Math.abs(minutes.longValue());
		if (m == 0) {
			return "0 min";
		}
		// working time: hours and minutes, never "days" (a working day is not 24 hours)
		long hours = m / 60;
		long rest = m % 60;
		StringBuilder s = new StringBuilder();
		if (hours > 0) {
			s.append(hours).append(" h");
		}
		if (rest > 0) {
			s.append((s.length() > 0) ? " " : "").append(rest).append(" min");
		}
		return s.toString();
	}

	/** A share in percent with one decimal ({@code 97.5 %}), or a dash when none. */
	public String percent(Number percent) {
		if (percent == null) {
			return "—";
		}
		double p = percent.doubleValue();
		return ((p == Math.rint(p)) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
	}

	/**
	 * An instant in the reader's zone, short ({@code 11-26 10:30}) when it falls in the
	 * same year as {@code now}, with the year otherwise.
	 */
	public String shortDateTime(Instant instant, Instant now) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime at = this.formats.zoned(instant);
		boolean sameYear = (now == null) || at.getYear() == this.formats.zoned(now).getYear();
		return (sameYear ? SHORT : LONG).format(at);
	}

	/** The fill of a clock's progress bar, matching the colour of its status badge. */
	public String color(SlaStatus status) {
		if (status == null) {
			return "#9ca3af";
		}
		return switch (status) {
			case ON_TRACK -> "#16a34a";
			case WARNING -> "#d97706";
			case PAUSED -> "#9ca3af";
			case BREACHED -> "#dc2626";
			case MET -> "#0284c7";
		};
	}

	/** The fill of an attainment bar: green from 95 %, amber from 80 %, red below. */
	public String attainmentColor(Number percent) {
		if (percent == null) {
			return "#9ca3af";
		}
		double p = percent.doubleValue();
		return (p >= 95) ? "#16a34a" : (p >= 80) ? "#d97706" : "#dc2626";
	}

}
