package org.yunwei.change;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import org.yunwei.workitem.WorkItemFormData;

/**
 * A change as it is raised: the work item's fields, its type (a standard change names its
 * template), its category and, optionally, its planned window (local date-times in the
 * user's time zone).
 */
public class ChangeFormData extends WorkItemFormData {

	@NotNull
	private ChangeType changeType = ChangeType.NORMAL;

	@Size(max = 40)
	private String templateCode;

	private ChangeCategory category;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime plannedStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime plannedEnd;

	public ChangeType getChangeType() {
		return this.changeType;
	}

	public void setChangeType(ChangeType changeType) {
		this.changeType = changeType;
	}

	public String getTemplateCode() {
		return this.templateCode;
	}

	public void setTemplateCode(String templateCode) {
		this.templateCode = templateCode;
	}

	public ChangeCategory getCategory() {
		return this.category;
	}

	public void setCategory(ChangeCategory category) {
		this.category = category;
	}

	public LocalDateTime getPlannedStart() {
		return this.plannedStart;
	}

	public void setPlannedStart(LocalDateTime plannedStart) {
		this.plannedStart = plannedStart;
	}

	public LocalDateTime getPlannedEnd() {
		return this.plannedEnd;
	}

	public void setPlannedEnd(LocalDateTime plannedEnd) {
		this.plannedEnd = plannedEnd;
	}

}
