package org.yunwei.servicedesk.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.servicedesk.TemplateKind;
import org.yunwei.servicedesk.TicketKind;

/** A ticket template or a canned reply of the service desk. */
@Entity
@Table(name = "sd_template")
@AuditRecordType("deskTemplate")
public class DeskTemplate implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	@Enumerated(EnumType.STRING)
	private TemplateKind kind;

	private String name;

	@Enumerated(EnumType.STRING)
	private TicketKind ticketKind;

	private String title;

	private String body;

	private Integer urgency;

	private Integer impact;

	private Long serviceId;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	protected DeskTemplate() {
	}

	public DeskTemplate(TemplateKind kind, Instant now) {
		this.kind = kind;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.kind + " " + this.name;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public TemplateKind getKind() {
		return this.kind;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public TicketKind getTicketKind() {
		return this.ticketKind;
	}

	public void setTicketKind(TicketKind ticketKind) {
		this.ticketKind = ticketKind;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Integer getUrgency() {
		return this.urgency;
	}

	public void setUrgency(Integer urgency) {
		this.urgency = urgency;
	}

	public Integer getImpact() {
		return this.impact;
	}

	public void setImpact(Integer impact) {
		this.impact = impact;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
