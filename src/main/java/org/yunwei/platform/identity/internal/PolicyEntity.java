package org.yunwei.platform.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.platform.identity.SecurityPolicy;

/** The single row of the password, lockout and session policy. */
@Entity
@Table(name = "pf_security_policy")
@AuditRecordType("securityPolicy")
public class PolicyEntity {

	@Id
	private Long id;

	@Version
	private int version;

	private int passwordMinLength;

	private int passwordMinClasses;

	private int passwordHistory;

	private int passwordMaxAgeDays;

	private int lockoutThreshold;

	private int lockoutMinutes;

	private int sessionTimeoutMinutes;

	private Instant updatedAt;

	protected PolicyEntity() {
	}

	public SecurityPolicy toPolicy() {
		return new SecurityPolicy(this.passwordMinLength, this.passwordMinClasses, this.passwordHistory,
				this.passwordMaxAgeDays, this.lockoutThreshold, this.lockoutMinutes, this.sessionTimeoutMinutes,
				this.version);
	}

	public int getVersion() {
		return this.version;
	}

	public void apply(SecurityPolicy p, Instant now) {
		this.passwordMinLength = p.passwordMinLength();
		this.passwordMinClasses = p.passwordMinClasses();
		this.passwordHistory = p.passwordHistory();
		this.passwordMaxAgeDays = p.passwordMaxAgeDays();
		this.lockoutThreshold = p.lockoutThreshold();
		this.lockoutMinutes = p.lockoutMinutes();
		this.sessionTimeoutMinutes = p.sessionTimeoutMinutes();
		this.updatedAt = now;
	}

}
