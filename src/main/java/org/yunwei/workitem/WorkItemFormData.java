package org.yunwei.workitem;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The editable fields of a work item (form and REST). {@code dueAt} is a local date-time
 * in the user's time zone; {@code version} must be sent back on an update.
 */
public class WorkItemFormData {

	@NotBlank
	@Size(max = 200)
	private String title;

	@Size(max = 20000)
	private String description;

	@Min(1)
	@Max(3)
	private int impact = 3;

	@Min(1)
	@Max(3)
	private int urgency = 3;

	private Long requesterId;

	private Long assigneeId;

	private Long groupId;

	private Long serviceId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime dueAt;

	@Size(max = 50)
	private List<Long> ciIds = new ArrayList<>();

	@Size(max = 20)
	private List<@Size(max = 40) String> tags = new ArrayList<>();

	private Integer version;

	/**
	 * Custom field values by code (text, number, ISO date, choice value, person or group
	 * id).
	 */
	private java.util.Map<String, Object> customFields = new java.util.LinkedHashMap<>();

	public static WorkItemFormData of(WorkItemView item, java.time.ZoneId zone) {
		WorkItemFormData f = new WorkItemFormData();
		item.customFields()
			.forEach((code,
					value) -> f.customFields.put(code, (value instanceof java.util.List<?> list)
							? new java.util.ArrayList<>(list)
							: (value instanceof java.math.BigDecimal n) ? n.toPlainString() : String.valueOf(value)));
		f.title = item.title();
		f.description = item.description();
		f.impact = item.impact();
		f.urgency = item.urgency();
		f.requesterId = (item.requester() != null) ? item.requester().id() : null;
		f.assigneeId = (item.assignee() != null) ? item.assignee().id() : null;
		f.groupId = (item.group() != null) ? item.group().id() : null;
		f.serviceId = item.serviceId();
		f.dueAt = (item.dueAt() != null) ? LocalDateTime.ofInstant(item.dueAt(), zone) : null;
		f.ciIds = new ArrayList<>(item.ciIds());
		f.tags = new ArrayList<>(item.tags());
		f.version = item.version();
		return f;
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

	public Long getRequesterId() {
		return this.requesterId;
	}

	public void setRequesterId(Long requesterId) {
		this.requesterId = requesterId;
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

	public LocalDateTime getDueAt() {
		return this.dueAt;
	}

	public void setDueAt(LocalDateTime dueAt) {
		this.dueAt = dueAt;
	}

	public List<Long> getCiIds() {
		return this.ciIds;
	}

	public void setCiIds(List<Long> ciIds) {
		this.ciIds = (ciIds == null) ? new ArrayList<>() : ciIds;
	}

	public List<String> getTags() {
		return this.tags;
	}

	public void setTags(List<String> tags) {
		this.tags = (tags == null) ? new ArrayList<>() : tags;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	/**
	 * Whether a choice is among a custom field's values (one value, several, or a form's
	 * array).
	 */
	public boolean chosen(String code, String value) {
		return org.yunwei.fields.CustomFields.chosen(this.customFields.get(code), value);
	}

	public java.util.Map<String, Object> getCustomFields() {
		return this.customFields;
	}

	public void setCustomFields(java.util.Map<String, Object> customFields) {
		this.customFields = (customFields == null) ? new java.util.LinkedHashMap<>() : customFields;
	}

}
