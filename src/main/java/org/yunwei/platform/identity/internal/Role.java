package org.yunwei.platform.identity.internal;

import java.time.Instant;
import java.util.HashSet;
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

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.platform.identity.AdminKind;
import org.yunwei.platform.identity.RecordScope;

@Entity
@Table(name = "pf_role")
@AuditRecordType("role")
public class Role implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String code;

	private String nameZh;

	private String nameEn;

	private String description;

	@Enumerated(EnumType.STRING)
	private RecordScope scope = RecordScope.OWN;

	@Enumerated(EnumType.STRING)
	private AdminKind adminKind;

	private boolean builtin;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "pf_role_permission", joinColumns = @JoinColumn(name = "role_id"))
	@Column(name = "permission")
	private Set<String> permissions = new HashSet<>();

	protected Role() {
	}

	public Role(String code, String nameZh, String nameEn, Instant now) {
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.nameZh + " (" + this.code + ")";
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

	public String getNameZh() {
		return this.nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public RecordScope getScope() {
		return this.scope;
	}

	public void setScope(RecordScope scope) {
		this.scope = scope;
	}

	public AdminKind getAdminKind() {
		return this.adminKind;
	}

	public void setAdminKind(AdminKind adminKind) {
		this.adminKind = adminKind;
	}

	public boolean isBuiltin() {
		return this.builtin;
	}

	public void setBuiltin(boolean builtin) {
		this.builtin = builtin;
	}

	public Set<String> getPermissions() {
		return this.permissions;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

}
