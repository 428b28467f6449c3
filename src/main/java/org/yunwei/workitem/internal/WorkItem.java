package org.yunwei.workitem.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
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
import org.hibernate.annotations.BatchSize;

import org.yunwei.platform.audit.AuditDescribed;
import org.yunwei.platform.audit.AuditRecordType;
import org.yunwei.workitem.StateCategory;

/**
 * A work item; its rules (milestones on state changes) live here, its workflow outside.
 */
@Entity
@Table(name = "wi_item")
@AuditRecordType("workItem")
public class WorkItem implements AuditDescribed {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private int version;

	private String typeCode;

	private String number;

	private String title;

	private String description;

	private long workflowId;

	private String state;

	@Enumerated(EnumType.STRING)
	private StateCategory stateCategory;

	private int impact;

	private int urgency;

	private int priority;

	private Long requesterId;

	private Long departmentId;

	private Long assigneeId;

	private Long groupId;

	private Long serviceId;

	private Instant dueAt;

	private Instant openedAt;

	private Instant firstResponseAt;

	private Instant resolvedAt;

	private Instant closedAt;

	private Long createdBy;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "wi_item_ci", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "ci_id")
	@BatchSize(size = 100)
	private Set<Long> ciIds = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "wi_tag", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "tag")
	@BatchSize(size = 100)
	private Set<String> tags = new LinkedHashSet<>();

	protected WorkItem() {
	}

	public WorkItem(String typeCode, String number, long workflowId, String state, StateCategory category, Instant now,
			Long createdBy) {
		this.typeCode = typeCode;
		this.number = number;
		this.workflowId = workflowId;
		this.state = state;
		this.stateCategory = category;
		this.openedAt = now;
		this.updatedAt = now;
		this.createdBy = createdBy;
	}

	@Override
	public String auditSummary() {
		return this.number + " " + this.title;
	}

	/**
	 * Moves to a state and sets the milestones it reaches: the first move out of "new" is
	 * the first response; a resolving state sets resolved, a closing one closed;
	 * reopening clears them.
	 */
	public void enter(String state, StateCategory category, boolean resolves, boolean closes, Instant now) {
		if (this.firstResponseAt == null && this.stateCategory == StateCategory.NEW && category != StateCategory.NEW) {
			this.firstResponseAt = now;
		}
		this.state = state;
		this.stateCategory = category;
		if (resolves && this.resolvedAt == null) {
			this.resolvedAt = now;
		}
		if (closes) {
			this.closedAt = now;
		}
		// back to work (a reopened record): its resolution and closure are undone; a
		// state
		// that resolves without ending the record (resolved, awaiting the requester)
		// keeps it
		if (!category.isEnd() && !resolves) {
			this.resolvedAt = null;
		}
		if (!category.isEnd()) {
			this.closedAt = null;
		}
		this.updatedAt = now;
	}

	/**
	 * A public reply by someone other than the requester counts as the first response.
	 */
	public void responded(Instant now) {
		if (this.firstResponseAt == null) {
			this.firstResponseAt = now;
		}
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

	public String getTypeCode() {
		return this.typeCode;
	}

	public String getNumber() {
		return this.number;
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

	public long getWorkflowId() {
		return this.workflowId;
	}

	public String getState() {
		return this.state;
	}

	public StateCategory getStateCategory() {
		return this.stateCategory;
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

	public int getPriority() {
		return this.priority;
	}

	public void setPriority(int priority) {
		this.priority = priority;
	}

	public Long getRequesterId() {
		return this.requesterId;
	}

	public void setRequesterId(Long requesterId) {
		this.requesterId = requesterId;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	public void setDueAt(Instant dueAt) {
		this.dueAt = dueAt;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getFirstResponseAt() {
		return this.firstResponseAt;
	}

	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Set<Long> getCiIds() {
		return this.ciIds;
	}

	public Set<String> getTags() {
		return this.tags;
	}

}
