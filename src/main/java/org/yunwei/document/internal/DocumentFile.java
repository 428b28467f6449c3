package org.yunwei.document.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

/** A file of a document version, its bytes in the kernel's file store. */
@Entity
@Table(name = "doc_attachment")
@AuditRecordType("documentFile")
public class DocumentFile implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long versionId;

	private String fileName;

	private String contentType;

	@Column(name = "size_bytes")
	private long size;

	private String sha256;

	private String storageKey;

	private Long uploadedBy;

	private Instant uploadedAt;

	protected DocumentFile() {
	}

	public DocumentFile(long versionId, String fileName, String contentType, long size, String sha256,
			String storageKey, Long uploadedBy, Instant uploadedAt) {
		this.versionId = versionId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	@Override
	public String auditSummary() {
		return this.fileName;
	}

	public Long getId() {
		return this.id;
	}

	public long getVersionId() {
		return this.versionId;
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSize() {
		return this.size;
	}

	public String getSha256() {
		return this.sha256;
	}

	public String getStorageKey() {
		return this.storageKey;
	}

	public Long getUploadedBy() {
		return this.uploadedBy;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

}
