package org.yunwei.document.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import org.yunwei.document.DocumentState;
import org.yunwei.document.DocumentType;
import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

/** A controlled document's register entry; its text lives in its versions. */
@Entity
@Table(name = "doc_document")
@AuditRecordType("document")
public class ControlledDocument implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String number;

	@Enumerated(EnumType.STRING)
	private DocumentType type;

	private String title;

	private String purpose;

	private long ownerId;

	private int reviewMonths;

	@Enumerated(EnumType.STRING)
	private org.yunwei.document.PlanKind planKind;

	@Enumerated(EnumType.STRING)
	private DocumentState state;

	private Long currentVersionId;

	private LocalDate effectiveOn;

	private LocalDate nextReviewOn;

	private Long reviewItemId;

	private String retiredReason;

	private Instant retiredAt;

	private long createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "doc_clause", joinColumns = @JoinColumn(name = "document_id"))
	@Column(name = "clause")
	@BatchSize(size = 100)
	private Set<String> clauses = new LinkedHashSet<>();

	protected ControlledDocument() {
	}

	public ControlledDocument(String number, DocumentType type, long createdBy, Instant now) {
		this.number = number;
		this.type = type;
		this.state = DocumentState.DRAFT;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.number + " " + this.title;
	}

	/** A version takes effect: it becomes the current one and sets the next review. */
	public void takeEffect(long versionId, LocalDate on, Instant now) {
		this.currentVersionId = versionId;
		this.state = DocumentState.EFFECTIVE;
		this.effectiveOn = on;
		this.nextReviewOn = on.plusMonths(this.reviewMonths);
		this.updatedAt = now;
	}

	/** The owner confirmed, at a review, that the document still holds. */
	public void reviewed(LocalDate on, Instant now) {
		this.nextReviewOn = on.plusMonths(this.reviewMonths);
		this.updatedAt = now;
	}

	public void retire(String reason, Instant now) {
		this.state = DocumentState.RETIRED;
		this.retiredReason = reason;
		this.retiredAt = now;
		this.nextReviewOn = null;
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

	public String getNumber() {
		return this.number;
	}

	public DocumentType getType() {
		return this.type;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getPurpose() {
		return this.purpose;
	}

	public void setPurpose(String purpose) {
		this.purpose = purpose;
	}

	public long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(long ownerId) {
		this.ownerId = ownerId;
	}

	public org.yunwei.document.PlanKind getPlanKind() {
		return this.planKind;
	}

	public void setPlanKind(org.yunwei.document.PlanKind planKind) {
		this.planKind = planKind;
	}

	public int getReviewMonths() {
		return this.reviewMonths;
	}

	public void setReviewMonths(int reviewMonths) {
		this.reviewMonths = reviewMonths;
	}

	public DocumentState getState() {
		return this.state;
	}

	public Long getCurrentVersionId() {
		return this.currentVersionId;
	}

	public LocalDate getEffectiveOn() {
		return this.effectiveOn;
	}

	public LocalDate getNextReviewOn() {
		return this.nextReviewOn;
	}

	public Long getReviewItemId() {
		return this.reviewItemId;
	}

	public void setReviewItemId(Long reviewItemId) {
		this.reviewItemId = reviewItemId;
	}

	public String getRetiredReason() {
		return this.retiredReason;
	}

	public Instant getRetiredAt() {
		return this.retiredAt;
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

	public Set<String> getClauses() {
		return this.clauses;
	}

}
