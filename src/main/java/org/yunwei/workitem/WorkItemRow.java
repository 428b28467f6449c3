package org.yunwei.workitem;

import java.time.Instant;

/** One line of a work-item list. */
public record WorkItemRow(long id, String type, String number, String title, String state, StateCategory stateCategory,
		int priority, String assigneeName, String groupName, String requesterName, Instant dueAt, Instant openedAt,
		Instant updatedAt, Instant resolvedAt, SlaStatus slaStatus, Instant slaDueAt,
		java.util.Map<String, String> customFields) {

	public boolean overdue(Instant now) {
		return this.dueAt != null && !this.stateCategory.isEnd() && this.dueAt.isBefore(now);
	}

}
