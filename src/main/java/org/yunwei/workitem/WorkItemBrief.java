package org.yunwei.workitem;

/**
 * What a notification says about a record: its number, title, type, priority and who
 * holds it. Read by the system (no permission check), never shown to a user as such.
 */
public record WorkItemBrief(long id, String type, String number, String title, int priority, Long assigneeId,
		Long groupId, Long serviceId, StateCategory category, Long requesterId) {

	/** The record's page, relative to the application's address. */
	public String path() {
		return "/work/" + this.type + "/" + this.number;
	}

}
