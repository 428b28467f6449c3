package org.yunwei.platform.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

@Entity
@Table(name = "pf_department")
@AuditRecordType("department")
public class Department implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String code;

	private String name;

	private Long parentId;

	private int sortOrder;

	private boolean active = true;

	private Instant createdAt;

	private Instant updatedAt;

	protected Department() {
	}

	public Department(String code, String name, Long parentId, Instant now) {
		this.code = code;
		this.name = name;
		this.parentId = parentId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.name + " (" + this.code + ")";
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public void setSortOrder(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

}
