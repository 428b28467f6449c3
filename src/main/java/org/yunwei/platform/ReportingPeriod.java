package org.yunwei.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as the organisation writes it: a month {@code 2026-10}, a quarter
 * {@code 2026-Q4} or a year {@code 2026}, from its first day (inclusive) to the first day
 * after it (exclusive), read in the organisation's time zone.
 */
public record ReportingPeriod(String label, LocalDate from, LocalDate to) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/**
	 * Reads a period; a label that is none of the three forms is refused (field
	 * {@code period}).
	 */
	public static ReportingPeriod parse(String label) {
		String s = (label == null) ? "" : label.strip().toUpperCase(java.util.Locale.ROOT);
		Matcher m = MONTH.matcher(s);
		if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
			YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
			return new ReportingPeriod(ym.toString(), ym.atDay(1), ym.plusMonths(1).atDay(1));
		}
		m = QUARTER.matcher(s);
		if (m.matches()) {
			int q = Integer.parseInt(m.group(2));
			LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (q - 1) * 3 + 1, 1);
			return new ReportingPeriod(m.group(1) + "-Q" + q, from, from.plusMonths(3));
		}
		if (YEAR.matcher(s).matches()) {
			LocalDate from = LocalDate.of(Integer.parseInt(s), 1, 1);
			return new ReportingPeriod(s, from, from.plusYears(1));
		}
		throw new ValidationFailed("period", "period.error.format", String.valueOf(label));
	}

	public Instant start(ZoneId zone) {
		return this.from.atStartOfDay(zone).toInstant();
	}

	public Instant end(ZoneId zone) {
		return this.to.atStartOfDay(zone).toInstant();
	}

	/** The period before this one, of the same length. */
	public ReportingPeriod previous() {
		if (this.label.contains("-Q")) {
			LocalDate from = this.from.minusMonths(3);
			return parse(from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1));
		}
		if (this.label.length() == 4) {
			return parse(String.valueOf(this.from.getYear() - 1));
		}
		return parse(YearMonth.from(this.from).minusMonths(1).toString());
	}

}
