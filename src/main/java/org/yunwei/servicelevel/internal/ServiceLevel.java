package org.yunwei.servicelevel.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;

/** The level agreed for one service (8.3.1 c) and its targets per priority. */
@Entity
@Table(name = "sl_level")
@AuditRecordType("serviceLevel")
public class ServiceLevel implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private long serviceId;

	private long calendarId;

	private String objective;

	private String scope;

	private String serviceHours;

	private String content;

	private String effect;

	private String security;

	private BigDecimal availabilityTarget;

	private int warnPercent;

	private LocalDate effectiveFrom;

	private LocalDate reviewDue;

	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sl_target", joinColumns = @JoinColumn(name = "level_id"))
	@OrderBy("priority")
	private List<ServiceTarget> targets = new ArrayList<>();

	protected ServiceLevel() {
	}

	public ServiceLevel(long serviceId, long calendarId, Instant now) {
		this.serviceId = serviceId;
		this.calendarId = calendarId;
		this.warnPercent = 75;
		this.updatedAt = now;
	}

	@Override
	public String auditSummary() {
		return "service " + this.serviceId + " " + this.targets;
	}

	public Optional<ServiceTarget> target(int priority) {
		return this.targets.stream().filter((t) -> t.getPriority() == priority).findFirst();
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public long getServiceId() {
		return this.serviceId;
	}

	public long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(long calendarId) {
		this.calendarId = calendarId;
	}

	public String getObjective() {
		return this.objective;
	}

	public void setObjective(String objective) {
		this.objective = objective;
	}

	public String getScope() {
		return this.scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	public String getServiceHours() {
		return this.serviceHours;
	}

	public void setServiceHours(String serviceHours) {
		this.serviceHours = serviceHours;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getEffect() {
		return this.effect;
	}

	public void setEffect(String effect) {
		this.effect = effect;
	}

	public String getSecurity() {
		return this.security;
	}

	public void setSecurity(String security) {
		this.security = security;
	}

	public BigDecimal getAvailabilityTarget() {
		return this.availabilityTarget;
	}

	public void setAvailabilityTarget(BigDecimal availabilityTarget) {
		this.availabilityTarget = availabilityTarget;
	}

	public int getWarnPercent() {
		return this.warnPercent;
	}

	public void setWarnPercent(int warnPercent) {
		this.warnPercent = warnPercent;
	}

	public LocalDate getEffectiveFrom() {
		return this.effectiveFrom;
	}

	public void setEffectiveFrom(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}

	public LocalDate getReviewDue() {
		return this.reviewDue;
	}

	public void setReviewDue(LocalDate reviewDue) {
		this.reviewDue = reviewDue;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	public List<ServiceTarget> getTargets() {
		return this.targets;
	}

}
