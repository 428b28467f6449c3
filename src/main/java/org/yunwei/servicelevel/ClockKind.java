package org.yunwei.servicelevel;

/**
 * What a clock measures: the time to respond, to resolve (both promised to the user by
 * the service level) or an assignment group's share (its operational level).
 */
public enum ClockKind {

	RESPONSE, RESOLUTION, OLA;

	public String messageKey() {
		return "sla.kind." + name();
	}

	/** Whether the clock is part of the service level promised to the user. */
	public boolean promised() {
		return this != OLA;
	}

}
