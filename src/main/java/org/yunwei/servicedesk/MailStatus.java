package org.yunwei.servicedesk;

/** What became of a mail read from the service mailbox. */
public enum MailStatus {

	/** Read and kept; not yet processed (a poll interrupted): it is retried. */
	RECEIVED,
	/** It became a new ticket. */
	IMPORTED,
	/** A reply: added to the ticket whose number its subject holds. */
	THREADED,
	/**
	 * An automatic message (out-of-office, bounce, our own notification): kept, not
	 * imported.
	 */
	IGNORED,
	/** It could not become a ticket; the reason says why. It can be retried. */
	FAILED,
	/** Someone decided it needs no ticket, saying why. */
	DISCARDED;

	public String messageKey() {
		return "mail.status." + name();
	}

	/** Whether someone should look at it (the "not imported" list). */
	public boolean needsAttention() {
		return this == RECEIVED || this == FAILED;
	}

}
