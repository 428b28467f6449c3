package org.yunwei.notification;

import java.time.Instant;
import java.util.List;

/** One message sent (or being sent) on one channel, with every attempt. */
public record DeliveryView(long id, String event, Channel channel, String recipient, String subject,
		DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
		List<Attempt> log) {

	/** One try and its result. */
	public record Attempt(Instant at, boolean ok, String detail) {
	}

}
