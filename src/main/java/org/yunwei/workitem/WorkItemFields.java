package org.yunwei.workitem;

import java.util.Set;

/** The standard fields of a work item that workflows may require or set. */
public final class WorkItemFields {

	public static final Set<String> REQUIRABLE = Set.of("assignee", "group", "description", "dueAt", "service",
			"requester");

	public static final Set<String> SETTABLE = Set.of("assignee", "group", "impact", "urgency", "dueAt");

	private WorkItemFields() {
	}

}
