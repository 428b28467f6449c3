package org.yunwei.workitem;

import java.time.Instant;
import java.util.List;

/** A work item as readers see it. */
public record WorkItemView(long id, int version, String type, String number, String title, String description,
		String state, String stateName, StateCategory stateCategory, int impact, int urgency, int priority,
		Ref requester, Long departmentId, Ref assignee, Ref group, Long serviceId, List<Long> ciIds, List<String> tags,
		Instant dueAt, Instant openedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
		Instant updatedAt, int workflowVersion, java.util.Map<String, Object> customFields) {

	/** A user or group named by id, with its display name. */
	public record Ref(long id, String name) {
	}

	public boolean overdue(Instant now) {
		return this.dueAt != null && !this.stateCategory.isEnd() && this.dueAt.isBefore(now);
	}

}
