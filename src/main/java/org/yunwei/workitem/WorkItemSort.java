package org.yunwei.workitem;

/** The orders a work-item list can be read in (each pages by keyset). */
public enum WorkItemSort {

	/** Newest first (the default). */
	NEWEST,

	/** Highest priority first, then newest. */
	PRIORITY,

	/** Soonest due first; records without a due date last. */
	DUE,

	/** Most recently changed first. */
	UPDATED;

	public String messageKey() {
		return "workitem.sort." + name();
	}

}
