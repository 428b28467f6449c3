package org.yunwei.notification;

import java.time.Instant;

/** A notification in a person's inbox (the bell). */
public record InboxEntry(long id, String event, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

}
