package org.yunwei.workitem;

import java.util.Set;

/**
 * Published, inside the changing transaction, when fields of a work item change (by an
 * edit, a transition or an escalation), with the values the SLA engine and other modules
 * key on as they are after the change.
 */
public record WorkItemChanged(long id, String type, String number, Set<String> fields, Long serviceId,
		Long departmentId, Long groupId, int priority, StateCategory category) {

	public boolean changed(String field) {
		return this.fields.contains(field);
	}

}
