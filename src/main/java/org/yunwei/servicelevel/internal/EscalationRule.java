package org.yunwei.servicelevel.internal;

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
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.servicelevel.EscalationTrigger;

/**
 * What to do when a clock warns or breaches: move the record to another group and/or
 * raise its priority. A rule applies to one clock kind (or all), one service (or all) and
 * priorities up to {@code maxPriority} (or all).
 */
@Entity
@Table(name = "sl_escalation_rule")
@AuditRecordType("escalationRule")
public class EscalationRule implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String name;

	@Enumerated(EnumType.STRING)
	private EscalationTrigger onEvent;

	@Enumerated(EnumType.STRING)
	private ClockKind clockKind;

	private Long serviceId;

	private Integer maxPriority;

	private Long reassignTo;

	private boolean raisePriority;

	private String notify;

	private boolean active;

	private Instant updatedAt;

	protected EscalationRule() {
	}

	public EscalationRule(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return this.name;
	}

	/** Whether the rule applies to a clock that warned or breached. */
	public boolean matches(EscalationTrigger event, Clock clock) {
		return this.active && this.onEvent == event && (this.clockKind == null || this.clockKind == clock.getKind())
				&& (this.serviceId == null || this.serviceId.equals(clock.getServiceId()))
				&& (this.maxPriority == null || clock.getPriority() <= this.maxPriority);
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

	public EscalationTrigger getOnEvent() {
		return this.onEvent;
	}

	public void setOnEvent(EscalationTrigger onEvent) {
		this.onEvent = onEvent;
	}

	public ClockKind getClockKind() {
		return this.clockKind;
	}

	public void setClockKind(ClockKind clockKind) {
		this.clockKind = clockKind;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public Integer getMaxPriority() {
		return this.maxPriority;
	}

	public void setMaxPriority(Integer maxPriority) {
		this.maxPriority = maxPriority;
	}

	public Long getReassignTo() {
		return this.reassignTo;
	}

	public void setReassignTo(Long reassignTo) {
		this.reassignTo = reassignTo;
	}

	public boolean isRaisePriority() {
		return this.raisePriority;
	}

	public void setRaisePriority(boolean raisePriority) {
		this.raisePriority = raisePriority;
	}

	public String getNotify() {
		return this.notify;
	}

	public void setNotify(String notify) {
		this.notify = notify;
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

	public void touch(Instant now) {
		this.updatedAt = now;
	}

}
