package org.yunwei.release;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import org.yunwei.workitem.WorkItemFormData;

/**
 * A release as it is raised: the work item's fields, its type, the version it delivers
 * and when it is planned to be deployed (local date-time in the user's time zone).
 */
public class ReleaseFormData extends WorkItemFormData {

	@NotNull
	private ReleaseType releaseType = ReleaseType.MINOR;

	@Size(max = 40)
	private String releaseVersion;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime plannedDeployAt;

	public ReleaseType getReleaseType() {
		return this.releaseType;
	}

	public void setReleaseType(ReleaseType releaseType) {
		this.releaseType = releaseType;
	}

	public String getReleaseVersion() {
		return this.releaseVersion;
	}

	public void setReleaseVersion(String releaseVersion) {
		this.releaseVersion = releaseVersion;
	}

	public LocalDateTime getPlannedDeployAt() {
		return this.plannedDeployAt;
	}

	public void setPlannedDeployAt(LocalDateTime plannedDeployAt) {
		this.plannedDeployAt = plannedDeployAt;
	}

}
