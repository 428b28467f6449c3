package org.yunwei.workitem;

/**
 * What a list shows: a type, and optionally a state category, state, assignee, group,
 * requester, priority, overdue only, "assigned to me / my groups", and text in the number
 * or title, and an SLA status.
 */
public record WorkItemFilter(String type, StateCategory category, String state, Long assigneeId, Long groupId,
		Long requesterId, Integer priority, Boolean open, Boolean overdue, Boolean mine, String q, SlaStatus sla) {

	public static WorkItemFilter of(String type) {
		return new WorkItemFilter(type, null, null, null, null, null, null, null, null, null, null, null);
	}

}
