package org.yunwei.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;

/**
 * Dates in the reader's time zone: the user's own, else the organisation's
 * ({@code yunwei.time-zone}, default Asia/Shanghai). Templates call it as
 * {@code @formats}.
 */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AccessControl access;

	private final ZoneId organisationZone;

	Formats(AccessControl access, @Value("${yunwei.time-zone:Asia/Shanghai}") String organisationZone) {
		this.access = access;
		this.organisationZone = ZoneId.of(organisationZone);
	}

	public ZoneId zone() {
		return this.access.current()
			.map(CurrentUser::timeZone)
			.filter((z) -> z != null && !z.isBlank())
			.map(ZoneId::of)
			.orElse(this.organisationZone);
	}

	/**
	 * The language of labels chosen per language ("en" or "zh", as workflow names are
	 * keyed).
	 */
	public String language() {
		return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()) ? "en"
				: "zh";
	}

	public ZoneId organisationZone() {
		return this.organisationZone;
	}

	/** An instant as a date and time in the user's zone (its weekday, its date …). */
	public java.time.ZonedDateTime zoned(Instant instant) {
		return instant.atZone(zone());
	}

	/** A file size as people read it: 512 B, 12.3 KB, 4.5 MB. */
	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	public String dateTime(Instant instant) {
		return (instant == null) ? "" : DATE_TIME.withZone(zone()).format(instant);
	}

	public String dateTimeSeconds(Instant instant) {
		return (instant == null) ? "" : DATE_TIME_SECONDS.withZone(zone()).format(instant);
	}

}
