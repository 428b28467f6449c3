package org.yunwei.workitem;

import java.time.Instant;
import java.util.List;

/** An approval on a work item with its steps. */
public record ApprovalView(long id, long itemId, ApprovalMode mode, String state, String requestedBy, Instant createdAt,
		Instant decidedAt, List<Step> steps) {

	/** One approver's step: whether it is their turn, and their decision. */
	public record Step(long id, int seq, long approverId, String approverName, boolean active, String decision,
			String comment, Instant decidedAt) {
	}

	public boolean pending() {
		return "PENDING".equals(this.state);
	}

	/**
	 * The step someone may decide now for themselves or for one of the people who
	 * delegated their approvals to them ({@code userIds}: themselves first).
	 */
	public Step openStepOfAny(java.util.Collection<Long> userIds) {
		if (!pending()) {
			return null;
		}
		return this.steps.stream()
			.filter((s) -> s.active() && s.decision() == null && userIds.contains(s.approverId()))
			.findFirst()
			.orElse(null);
	}

}
