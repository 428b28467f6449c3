package org.yunwei.platform.web;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in person's notifications for the bell in the page header (contributed by
 * the notifications module): how many are unread and the latest few.
 */
public interface InboxContributor {

	Inbox inbox(long userId, int limit);

	/** The unread count and the latest entries. */
	record Inbox(long unread, List<Entry> latest) {

		public static final Inbox EMPTY = new Inbox(0, List.of());

	}

	/** One notification as the bell lists it. */
	record Entry(String title, String link, Instant at, boolean unread) {
	}

}
