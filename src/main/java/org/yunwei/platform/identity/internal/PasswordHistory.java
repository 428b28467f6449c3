package org.yunwei.platform.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.platform.audit.AuditSecret;

@Entity
@Table(name = "pf_password_history")
@AuditRecordType("passwordHistory")
public class PasswordHistory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	@AuditSecret
	private String passwordHash;

	private Instant createdAt;

	protected PasswordHistory() {
	}

	public PasswordHistory(Long userId, String passwordHash, Instant createdAt) {
		this.userId = userId;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

}
