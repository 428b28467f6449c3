package org.yunwei.workitem.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import org.yunwei.workitem.ApprovalMode;

/**
 * Opens approvals and works out, after each decision, whether the approval is decided:
 * any one approval (ANY), every approver (ALL), or each in turn (SEQUENTIAL); a rejection
 * ends it at once.
 */
@Component
public class ApprovalEngine {

	private final ApprovalRepository approvals;

	private final ApprovalStepRepository steps;

	private final org.springframework.context.ApplicationEventPublisher events;

	ApprovalEngine(ApprovalRepository approvals, ApprovalStepRepository steps,
			org.springframework.context.ApplicationEventPublisher events) {
		this.approvals = approvals;
		this.steps = steps;
		this.events = events;
	}

	/** Opens an approval, cancelling one still pending on the same record. */
	public Approval request(long itemId, String requestedBy, ApprovalMode mode, List<Long> approvers,
			String approveTransition, String rejectTransition, Instant now) {
		this.approvals.findByItemIdAndState(itemId, "PENDING").forEach((a) -> a.cancel(now));
		Approval approval = this.approvals
			.saveAndFlush(new Approval(itemId, requestedBy, mode, approveTransition, rejectTransition, now));
		List<ApprovalStep> opened = new java.util.ArrayList<>();
		for (int i = 0; i < approvers.size(); i++) {
			boolean active = mode != ApprovalMode.SEQUENTIAL || i == 0;
			ApprovalStep step = this.steps.save(new ApprovalStep(approval.getId(), i + 1, approvers.get(i), active));
			if (active) {
				opened.add(step);
			}
		}
		this.steps.flush();
		opened.forEach((step) -> this.events
			.publishEvent(new org.yunwei.workitem.ApprovalRequested(itemId, step.getId(), step.getApproverId())));
		return approval;
	}

	/**
	 * Records a decision on a step; returns the transition the workflow takes now, or
	 * null while the approval is still open.
	 */
	public String decide(Approval approval, ApprovalStep step, boolean approve, String comment, Instant now,
			Long decidedBy) {
		step.decide(approve, comment, now, decidedBy);
		List<ApprovalStep> all = this.steps.findByApprovalIdOrderBySeqAsc(approval.getId());
		String outcome = null;
		if (!approve) {
			outcome = approval.getRejectTransition();
		}
		else if (approval.getMode() == ApprovalMode.ANY) {
			outcome = approval.getApproveTransition();
		}
		else if (all.stream().allMatch((s) -> "APPROVED".equals(s.getDecision()))) {
			outcome = approval.getApproveTransition();
		}
		else if (approval.getMode() == ApprovalMode.SEQUENTIAL) {
			step.deactivate();
			all.stream().filter((s) -> s.getDecision() == null).findFirst().ifPresent((next) -> {
				next.activate();
				this.events.publishEvent(new org.yunwei.workitem.ApprovalRequested(approval.getItemId(), next.getId(),
						next.getApproverId()));
			});
		}
		if (outcome != null) {
			approval.decide(approve, now);
			all.stream().filter((s) -> s.getDecision() == null).forEach(ApprovalStep::deactivate);
		}
		this.steps.flush();
		return outcome;
	}

}
