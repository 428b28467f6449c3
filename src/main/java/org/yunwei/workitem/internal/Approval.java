package org.yunwei.workitem.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.workitem.ApprovalMode;

@Entity
@Table(name = "wi_approval")
@AuditRecordType("approval")
public class Approval {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private long itemId;

	private String requestedBy;

	@Enumerated(EnumType.STRING)
	private ApprovalMode mode;

	private String state;

	private String approveTransition;

	private String rejectTransition;

	private Instant createdAt;

	private Instant decidedAt;

	protected Approval() {
	}

	public Approval(long itemId, String requestedBy, ApprovalMode mode, String approveTransition,
			String rejectTransition, Instant now) {
		this.itemId = itemId;
		this.requestedBy = requestedBy;
		this.mode = mode;
		this.state = "PENDING";
		this.approveTransition = approveTransition;
		this.rejectTransition = rejectTransition;
		this.createdAt = now;
	}

	public void decide(boolean approved, Instant now) {
		this.state = approved ? "APPROVED" : "REJECTED";
		this.decidedAt = now;
	}

	public void cancel(Instant now) {
		this.state = "CANCELLED";
		this.decidedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public long getItemId() {
		return this.itemId;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public ApprovalMode getMode() {
		return this.mode;
	}

	public String getState() {
		return this.state;
	}

	public String getApproveTransition() {
		return this.approveTransition;
	}

	public String getRejectTransition() {
		return this.rejectTransition;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

}
