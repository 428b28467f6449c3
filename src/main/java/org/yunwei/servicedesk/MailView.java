package org.yunwei.servicedesk;

import java.time.Instant;

/**
 * A mail read from the service mailbox and what became of it: the ticket it made or was
 * added to, or the reason (a message key {@code mail.reason.<reason>}) and detail.
 */
public record MailView(long id, String messageId, String fromAddress, String fromName, String subject, Instant sentAt,
		Instant receivedAt, long size, MailStatus status, String reason, String detail, Long itemId, String itemNumber,
		String itemType, int attempts, String handledBy, Instant handledAt) {

	public String reasonKey() {
		return (this.reason == null) ? null : "mail.reason." + this.reason;
	}

}
