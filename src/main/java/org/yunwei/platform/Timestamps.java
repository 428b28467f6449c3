package org.yunwei.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moments to and from the database: every {@code timestamp with time zone} is written in
 * UTC, and read back whatever the driver returns for it (H2: {@link OffsetDateTime},
 * PostgreSQL through {@code queryForList}: {@link java.sql.Timestamp}).
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** A moment as a parameter of a {@code timestamp with time zone} column. */
	public static OffsetDateTime utc(Instant at) {
		return (at == null) ? null : at.atOffset(ZoneOffset.UTC);
	}

	/** A column's value as a moment ({@code null} stays {@code null}). */
	public static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof OffsetDateTime t) {
			return t.toInstant();
		}
		if (value instanceof java.sql.Timestamp t) {
			return t.toInstant();
		}
		if (value instanceof Instant t) {
			return t;
		}
		if (value instanceof java.time.LocalDateTime t) {
			return t.toInstant(ZoneOffset.UTC);
		}
		return Instant.parse(value.toString());
	}

}
