package org.yunwei.platform.identity.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

@Entity
@Table(name = "pf_group")
@AuditRecordType("group")
public class AssignmentGroup implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String code;

	private String name;

	private String description;

	private Long leaderId;

	private boolean active = true;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "pf_group_member", joinColumns = @JoinColumn(name = "group_id"))
	@Column(name = "user_id")
	private Set<Long> memberIds = new HashSet<>();

	protected AssignmentGroup() {
	}

	public AssignmentGroup(String code, String name, Instant now) {
		this.code = code;
		this.name = name;
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

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Long getLeaderId() {
		return this.leaderId;
	}

	public void setLeaderId(Long leaderId) {
		this.leaderId = leaderId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Set<Long> getMemberIds() {
		return this.memberIds;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

}
