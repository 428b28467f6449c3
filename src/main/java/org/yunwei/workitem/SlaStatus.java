package org.yunwei.workitem;

/**
 * A work item's service-level status, summarised over its SLA clocks by the SLA engine:
 * the worst of them while any runs, {@link #MET} or {@link #BREACHED} once all stopped.
 */
public enum SlaStatus {

	/** Running, before the warning threshold. */
	ON_TRACK,

	/** Running, past the warning share of its target. */
	WARNING,

	/** Every running clock is paused (e.g. waiting on a vendor). */
	PAUSED,

	/** A target was missed. */
	BREACHED,

	/** Every clock stopped within its target. */
	MET;

	public String messageKey() {
		return "sla.status." + name();
	}

}
