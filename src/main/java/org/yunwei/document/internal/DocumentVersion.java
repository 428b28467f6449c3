package org.yunwei.document.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.document.VersionState;
import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

/**
 * One version of a controlled document: editable while a draft, frozen once submitted,
 * kept for good once superseded.
 */
@Entity
@Table(name = "doc_version")
@AuditRecordType("documentVersion")
public class DocumentVersion implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private long documentId;

	private String label;

	@Enumerated(EnumType.STRING)
	private VersionState state;

	private String content;

	private String steps;

	private String changeNote;

	private LocalDate effectiveOn;

	private Long approvalItemId;

	private String approvalNumber;

	private Long submittedBy;

	private Instant submittedAt;

	private Long approvedBy;

	private Instant approvedAt;

	private String rejectedReason;

	private Instant supersededAt;

	private long createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	protected DocumentVersion() {
	}

	public DocumentVersion(long documentId, String label, long createdBy, Instant now) {
		this.documentId = documentId;
		this.label = label;
		this.state = VersionState.DRAFT;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return "v" + this.label + " (" + this.state + ")";
	}

	public void submit(long by, long itemId, String itemNumber, Instant now) {
		this.state = VersionState.IN_APPROVAL;
		this.submittedBy = by;
		this.submittedAt = now;
		this.approvalItemId = itemId;
		this.approvalNumber = itemNumber;
		this.rejectedReason = null;
		this.updatedAt = now;
	}

	public void approve(Long by, Instant now) {
		this.state = VersionState.APPROVED;
		this.approvedBy = by;
		this.approvedAt = now;
		this.updatedAt = now;
	}

	/** Back to draft with the reason, to be mended and submitted again. */
	public void reject(String reason, Instant now) {
		this.state = VersionState.DRAFT;
		this.rejectedReason = reason;
		this.updatedAt = now;
	}

	public void takeEffect(LocalDate on, Instant now) {
		this.state = VersionState.EFFECTIVE;
		this.effectiveOn = on;
		this.updatedAt = now;
	}

	public void supersede(Instant now) {
		this.state = VersionState.SUPERSEDED;
		this.supersededAt = now;
		this.updatedAt = now;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public long getDocumentId() {
		return this.documentId;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public VersionState getState() {
		return this.state;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getSteps() {
		return this.steps;
	}

	public void setSteps(String steps) {
		this.steps = steps;
	}

	public String getChangeNote() {
		return this.changeNote;
	}

	public void setChangeNote(String changeNote) {
		this.changeNote = changeNote;
	}

	public LocalDate getEffectiveOn() {
		return this.effectiveOn;
	}

	public void setEffectiveOn(LocalDate effectiveOn) {
		this.effectiveOn = effectiveOn;
	}

	public Long getApprovalItemId() {
		return this.approvalItemId;
	}

	public String getApprovalNumber() {
		return this.approvalNumber;
	}

	public Long getSubmittedBy() {
		return this.submittedBy;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Long getApprovedBy() {
		return this.approvedBy;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public String getRejectedReason() {
		return this.rejectedReason;
	}

	public Instant getSupersededAt() {
		return this.supersededAt;
	}

	public long getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
