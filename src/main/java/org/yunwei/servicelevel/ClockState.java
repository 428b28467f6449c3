package org.yunwei.servicelevel;

/** Whether a clock is counting. */
public enum ClockState {

	RUNNING, PAUSED, STOPPED, CANCELLED;

	public String messageKey() {
		return "sla.state." + name();
	}

	public boolean open() {
		return this == RUNNING || this == PAUSED;
	}

}
