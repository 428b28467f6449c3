package org.yunwei.workitem.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditRecordType;

@Entity
@Table(name = "wi_approval_step")
@AuditRecordType("approvalStep")
public class ApprovalStep {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private long approvalId;

	private int seq;

	private long approverId;

	private boolean active;

	private String decision;

	private String comment;

	private Instant decidedAt;

	/** Who decided, when not the approver (their delegate while they are away). */
	private Long decidedBy;

	protected ApprovalStep() {
	}

	public ApprovalStep(long approvalId, int seq, long approverId, boolean active) {
		this.approvalId = approvalId;
		this.seq = seq;
		this.approverId = approverId;
		this.active = active;
	}

	public void decide(boolean approved, String comment, Instant now, Long decidedBy) {
		this.decidedBy = decidedBy;
		this.decision = approved ? "APPROVED" : "REJECTED";
		this.comment = comment;
		this.decidedAt = now;
	}

	public Long getDecidedBy() {
		return this.decidedBy;
	}

	public void activate() {
		this.active = true;
	}

	public void deactivate() {
		this.active = false;
	}

	public Long getId() {
		return this.id;
	}

	public long getApprovalId() {
		return this.approvalId;
	}

	public int getSeq() {
		return this.seq;
	}

	public long getApproverId() {
		return this.approverId;
	}

	public boolean isActive() {
		return this.active;
	}

	public String getDecision() {
		return this.decision;
	}

	public String getComment() {
		return this.comment;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

}
