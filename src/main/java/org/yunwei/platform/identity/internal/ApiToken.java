package org.yunwei.platform.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditIgnore;
import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.platform.audit.AuditSecret;

@Entity
@Table(name = "pf_api_token")
@AuditRecordType("apiToken")
public class ApiToken implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	private String name;

	@AuditSecret
	private String tokenDigest;

	private String tokenHint;

	private Instant createdAt;

	private Instant expiresAt;

	@AuditIgnore
	private Instant lastUsedAt;

	private Instant revokedAt;

	protected ApiToken() {
	}

	public ApiToken(Long userId, String name, String tokenDigest, String tokenHint, Instant createdAt,
			Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.tokenDigest = tokenDigest;
		this.tokenHint = tokenHint;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	@Override
	public String auditSummary() {
		return this.name + " (" + this.tokenHint + "…)";
	}

	public boolean isUsable(Instant now) {
		return this.revokedAt == null && this.expiresAt.isAfter(now);
	}

	public Long getId() {
		return this.id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public String getName() {
		return this.name;
	}

	public String getTokenHint() {
		return this.tokenHint;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	public void setLastUsedAt(Instant lastUsedAt) {
		this.lastUsedAt = lastUsedAt;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public void revoke(Instant now) {
		this.revokedAt = now;
	}

}
