package org.yunwei.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The application's clock: the system's UTC clock, except on a thread that is replaying
 * history (the demo's year of service-desk records, made through the product's own
 * services so every rule applies), where it reads the replayed moment. Other threads, and
 * so every user, always see the real time.
 */
public final class HistoryClock extends Clock {

	private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

	private final Clock system;

	public HistoryClock(Clock system) {
		this.system = system;
	}

	/** Runs an action on this thread as if it were that moment. */
	public static <T> T at(Instant moment, Supplier<T> action) {
		Instant before = REPLAYED.get();
		REPLAYED.set(moment);
		try {
			return action.get();
		}
		finally {
			if (before == null) {
				REPLAYED.remove();
			}
			else {
				REPLAYED.set(before);
			}
		}
	}

	@Override
	public Instant instant() {
		Instant replayed = REPLAYED.get();
		return (replayed != null) ? replayed : this.system.instant();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new Clock() {
			@Override
			public Instant instant() {
				return HistoryClock.this.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return HistoryClock.this.withZone(other);
			}
		};
	}

}
