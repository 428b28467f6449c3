package org.yunwei.notification;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Waiting for its (next) attempt. */
	PENDING,

	/** Taken by the receiving server or platform. */
	SENT,

	/** Given up after the last retry (an administrator may retry it). */
	FAILED,

	/** Not sent, and not to be: the channel is not configured (e.g. no SMTP server). */
	SKIPPED;

	public String messageKey() {
		return "notification.status." + name();
	}

}
