package org.yunwei.workitem;

/**
 * What a workflow state means for measurement, whatever its name: new, being worked on,
 * waiting (on the requester, a vendor, an approval), done, or cancelled.
 */
public enum StateCategory {

	NEW, ACTIVE, WAITING, DONE, CANCELLED;

	/** Whether a record in this category is finished. */
	public boolean isEnd() {
		return this == DONE || this == CANCELLED;
	}

	public String messageKey() {
		return "workitem.category." + name();
	}

}
