package org.yunwei.notification.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.notification.Channel;
import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.platform.audit.AuditSecret;

/**
 * A chat group robot or a system listening on a webhook, and the events it is sent. The
 * URL of a robot carries its access token, so URL and secret never reach the audit trail.
 */
@Entity
@Table(name = "nt_endpoint")
@AuditRecordType("notificationEndpoint")
public class Endpoint implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String name;

	@Enumerated(EnumType.STRING)
	private Channel kind;

	@AuditSecret
	private String url;

	@AuditSecret
	private String secret;

	/** Event codes, comma-separated, or {@code *} for all. */
	private String events;

	private String language;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	protected Endpoint() {
	}

	public Endpoint(Instant now) {
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.name + " (" + this.kind + ")";
	}

	public boolean wants(String event) {
		if (!this.active) {
			return false;
		}
		for (String e : this.events.split(",")) {
			if (e.strip().equals("*") || e.strip().equals(event)) {
				return true;
			}
		}
		return false;
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Channel getKind() {
		return this.kind;
	}

	public void setKind(Channel kind) {
		this.kind = kind;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public String getEvents() {
		return this.events;
	}

	public void setEvents(String events) {
		this.events = events;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
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

}
