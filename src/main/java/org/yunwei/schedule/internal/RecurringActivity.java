package org.yunwei.schedule.internal;

import java.time.Instant;
import java.time.LocalDateTime;

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
import org.yunwei.schedule.NonWorkingDayPolicy;

@Entity
@Table(name = "rc_activity")
@AuditRecordType("recurringActivity")
public class RecurringActivity implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String typeCode;

	private String title;

	private String description;

	private String rrule;

	private LocalDateTime startLocal;

	private long calendarId;

	@Enumerated(EnumType.STRING)
	private NonWorkingDayPolicy policy;

	private Integer dueMinutes;

	private Long groupId;

	private Long serviceId;

	private String checklist;

	private Long sopDocumentId;

	private Long assigneeId;

	private int impact;

	private int urgency;

	private long ownerId;

	private boolean active;

	private Instant generatedUntil;

	private Instant createdAt;

	private Instant updatedAt;

	protected RecurringActivity() {
	}

	public RecurringActivity(String typeCode, long ownerId, Instant now) {
		this.typeCode = typeCode;
		this.ownerId = ownerId;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
		this.generatedUntil = now;
	}

	@Override
	public String auditSummary() {
		return this.title + " (" + this.rrule + ")";
	}

	public Long getId() {
		return this.id;
	}

	public int getVersion() {
		return this.version;
	}

	public String getTypeCode() {
		return this.typeCode;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getRrule() {
		return this.rrule;
	}

	public void setRrule(String rrule) {
		this.rrule = rrule;
	}

	public LocalDateTime getStartLocal() {
		return this.startLocal;
	}

	public void setStartLocal(LocalDateTime startLocal) {
		this.startLocal = startLocal;
	}

	public long getCalendarId() {
		return this.calendarId;
	}

	public void setCalendarId(long calendarId) {
		this.calendarId = calendarId;
	}

	public NonWorkingDayPolicy getPolicy() {
		return this.policy;
	}

	public void setPolicy(NonWorkingDayPolicy policy) {
		this.policy = policy;
	}

	public Integer getDueMinutes() {
		return this.dueMinutes;
	}

	public void setDueMinutes(Integer dueMinutes) {
		this.dueMinutes = dueMinutes;
	}

	public String getChecklist() {
		return this.checklist;
	}

	public void setChecklist(String checklist) {
		this.checklist = checklist;
	}

	public Long getSopDocumentId() {
		return this.sopDocumentId;
	}

	public void setSopDocumentId(Long sopDocumentId) {
		this.sopDocumentId = sopDocumentId;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public int getImpact() {
		return this.impact;
	}

	public void setImpact(int impact) {
		this.impact = impact;
	}

	public int getUrgency() {
		return this.urgency;
	}

	public void setUrgency(int urgency) {
		this.urgency = urgency;
	}

	public long getOwnerId() {
		return this.ownerId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Instant getGeneratedUntil() {
		return this.generatedUntil;
	}

	public void generatedUntil(Instant until) {
		this.generatedUntil = until;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

}
