package org.yunwei.workitem.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.platform.audit.AuditRecordType;

/**
 * One saved version of a type's workflow definition (JSON), of the type's own or of a
 * variant.
 */
@Entity
@Table(name = "wi_workflow")
@AuditRecordType("workflow")
public class WorkflowVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String typeCode;

	private String variant;

	@Column(name = "wf_version")
	private int number;

	private String definition;

	private boolean active;

	private Instant createdAt;

	private String createdBy;

	protected WorkflowVersion() {
	}

	public WorkflowVersion(String typeCode, String variant, int number, String definition, Instant createdAt,
			String createdBy) {
		this.typeCode = typeCode;
		this.variant = (variant == null) ? "" : variant;
		this.number = number;
		this.definition = definition;
		this.active = true;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	public Long getId() {
		return this.id;
	}

	public String getTypeCode() {
		return this.typeCode;
	}

	/** The variant of the type's workflow ({@code ""}: the type's own). */
	public String getVariant() {
		return this.variant;
	}

	public int getNumber() {
		return this.number;
	}

	public String getDefinition() {
		return this.definition;
	}

	public boolean isActive() {
		return this.active;
	}

	public void retire() {
		this.active = false;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

}
