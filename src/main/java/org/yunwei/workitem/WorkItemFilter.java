package org.yunwei.workitem;

/**
 * What a list shows: a type, and optionally a state category, state, assignee, group,
 * requester, priority, overdue only, "assigned to me / my groups", and text in the number
 * or title, an SLA status, days opened and due (from, to: both included, in the reader's
 * time zone), the order (or a custom field to order by), and custom field values by code.
 */
public record WorkItemFilter(String type, StateCategory category, String state, Long assigneeId, Long groupId,
		Long requesterId, Integer priority, Boolean open, Boolean overdue, Boolean mine, String q, SlaStatus sla,
		java.time.LocalDate openedFrom, java.time.LocalDate openedTo, java.time.LocalDate dueFrom,
		java.time.LocalDate dueTo, WorkItemSort sort, java.util.Map<String, String> custom, String sortField) {

	public WorkItemFilter(String type, StateCategory category, String state, Long assigneeId, Long groupId,
			Long requesterId, Integer priority, Boolean open, Boolean overdue, Boolean mine, String q, SlaStatus sla,
			java.time.LocalDate openedFrom, java.time.LocalDate openedTo, java.time.LocalDate dueFrom,
			java.time.LocalDate dueTo, WorkItemSort sort, java.util.Map<String, String> custom) {
		this(type, category, state, assigneeId, groupId, requesterId, priority, open, overdue, mine, q, sla, openedFrom,
				openedTo, dueFrom, dueTo, sort, custom, null);
	}

	public WorkItemFilter(String type, StateCategory category, String state, Long assigneeId, Long groupId,
			Long requesterId, Integer priority, Boolean open, Boolean overdue, Boolean mine, String q, SlaStatus sla) {
		this(type, category, state, assigneeId, groupId, requesterId, priority, open, overdue, mine, q, sla, null, null,
				null, null, null, null);
	}

	/** The custom field conditions of a request's parameters: {@code cf.<code>=value}. */
	public static java.util.Map<String, String> customConditions(java.util.Map<String, String> params) {
		java.util.Map<String, String> conditions = new java.util.TreeMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("cf.") && v != null && !v.isBlank()) {
				conditions.put(k.substring(3), v);
			}
		});
		return conditions;
	}

	public static WorkItemFilter of(String type) {
		return new WorkItemFilter(type, null, null, null, null, null, null, null, null, null, null, null);
	}

}
