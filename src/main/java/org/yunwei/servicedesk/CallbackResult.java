package org.yunwei.servicedesk;

/**
 * What a callback found: the requester is satisfied (the ticket closes on their word),
 * not satisfied (it is reopened), or could not be reached (it closes on the service
 * desk's recorded decision).
 */
public enum CallbackResult {

	SATISFIED("closeConfirmed"), DISSATISFIED("reopen"), UNREACHABLE("closeUnreachable");

	private final String ticketTransition;

	CallbackResult(String ticketTransition) {
		this.ticketTransition = ticketTransition;
	}

	/** The ticket's workflow transition the result takes, when the ticket awaits it. */
	public String ticketTransition() {
		return this.ticketTransition;
	}

	public String messageKey() {
		return "callback.result." + name();
	}

}
