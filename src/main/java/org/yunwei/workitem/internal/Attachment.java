package org.yunwei.workitem.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

@Entity
@Table(name = "wi_attachment")
@AuditRecordType("attachment")
public class Attachment implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long itemId;

	private String fileName;

	private String contentType;

	@Column(name = "size_bytes")
	private long size;

	private String sha256;

	private String storageKey;

	private Long uploadedBy;

	private Instant uploadedAt;

	protected Attachment() {
	}

	public Attachment(long itemId, String fileName, String contentType, long size, String sha256, String storageKey,
			Long uploadedBy, Instant uploadedAt) {
		this.itemId = itemId;
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
		return this.fileName + " (" + this.size + " bytes, sha256 " + this.sha256 + ")";
	}

	public Long getId() {
		return this.id;
	}

	public long getItemId() {
		return this.itemId;
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
