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
import org.yunwei.platform.audit.AuditIgnore;
import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.platform.audit.AuditSecret;

@Entity
@Table(name = "pf_user")
@AuditRecordType("user")
public class UserAccount implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String username;

	private String displayName;

	private String email;

	private String mobile;

	private Long departmentId;

	private boolean active = true;

	private String locale;

	private String timeZone;

	private String authSource = "LOCAL";

	@AuditSecret
	private String passwordHash;

	private Instant passwordChangedAt;

	private boolean mustChangePassword;

	@AuditIgnore
	private int failedAttempts;

	private Instant lockedUntil;

	@AuditIgnore
	private Instant lastLoginAt;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "pf_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role_id")
	private Set<Long> roleIds = new HashSet<>();

	protected UserAccount() {
	}

	public UserAccount(String username, String displayName, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.displayName + " (" + this.username + ")";
	}

	public boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getMobile() {
		return this.mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getLocale() {
		return this.locale;
	}

	public void setLocale(String locale) {
		this.locale = locale;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public String getAuthSource() {
		return this.authSource;
	}

	public void setAuthSource(String authSource) {
		this.authSource = authSource;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void setPasswordHash(String passwordHash, Instant changedAt) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = changedAt;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	public boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	public void setMustChangePassword(boolean mustChangePassword) {
		this.mustChangePassword = mustChangePassword;
	}

	public int getFailedAttempts() {
		return this.failedAttempts;
	}

	public void setFailedAttempts(int failedAttempts) {
		this.failedAttempts = failedAttempts;
	}

	public Instant getLockedUntil() {
		return this.lockedUntil;
	}

	public void setLockedUntil(Instant lockedUntil) {
		this.lockedUntil = lockedUntil;
	}

	public Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

	public void setLastLoginAt(Instant lastLoginAt) {
		this.lastLoginAt = lastLoginAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	public Set<Long> getRoleIds() {
		return this.roleIds;
	}

}
