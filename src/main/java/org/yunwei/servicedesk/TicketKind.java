package org.yunwei.servicedesk;

/** The two kinds of ticket a requester raises, by their work-item type. */
public enum TicketKind {

	/** Something is broken: an incident (8.3.3). */
	INCIDENT("incident"),
	/** Something is wanted: a service request (8.4.2). */
	REQUEST("request");

	private final String type;

	TicketKind(String type) {
		this.type = type;
	}

	/** The work-item type code. */
	public String type() {
		return this.type;
	}

	public static TicketKind ofType(String type) {
		for (TicketKind k : values()) {
			if (k.type.equals(type)) {
				return k;
			}
		}
		throw new org.yunwei.platform.NotFound("ticketKind", type);
	}

	/**
	 * Whether someone handles tickets (may work on incidents or requests): the service
	 * desk's agents and the O&M staff.
	 */
	public static boolean handledBy(org.yunwei.platform.identity.CurrentUser me) {
		for (TicketKind k : values()) {
			if (me.has(k.type + ":write")) {
				return true;
			}
		}
		return false;
	}

}
