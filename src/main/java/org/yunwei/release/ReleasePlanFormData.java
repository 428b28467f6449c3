package org.yunwei.release;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A release's plan (8.3.7 d): the release plan, build and test plan, acceptance criteria,
 * rollback plan, the version and the planned deployment; {@code version} is the one read.
 */
public class ReleasePlanFormData {

	private Integer version;

	@Size(max = 40)
	private String releaseVersion;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime plannedDeployAt;

	@Size(max = 20000)
	private String releasePlan;

	@Size(max = 20000)
	private String buildPlan;

	@Size(max = 20000)
	private String testPlan;

	@Size(max = 20000)
	private String acceptanceCriteria;

	@Size(max = 20000)
	private String rollbackPlan;

	public static ReleasePlanFormData of(ReleaseView r, java.time.ZoneId zone) {
		ReleasePlanFormData f = new ReleasePlanFormData();
		f.version = r.version();
		f.releaseVersion = r.releaseVersion();
		f.plannedDeployAt = (r.plannedDeployAt() == null) ? null : LocalDateTime.ofInstant(r.plannedDeployAt(), zone);
		f.releasePlan = r.releasePlan();
		f.buildPlan = r.buildPlan();
		f.testPlan = r.testPlan();
		f.acceptanceCriteria = r.acceptanceCriteria();
		f.rollbackPlan = r.rollbackPlan();
		return f;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
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

	public String getReleasePlan() {
		return this.releasePlan;
	}

	public void setReleasePlan(String releasePlan) {
		this.releasePlan = releasePlan;
	}

	public String getBuildPlan() {
		return this.buildPlan;
	}

	public void setBuildPlan(String buildPlan) {
		this.buildPlan = buildPlan;
	}

	public String getTestPlan() {
		return this.testPlan;
	}

	public void setTestPlan(String testPlan) {
		this.testPlan = testPlan;
	}

	public String getAcceptanceCriteria() {
		return this.acceptanceCriteria;
	}

	public void setAcceptanceCriteria(String acceptanceCriteria) {
		this.acceptanceCriteria = acceptanceCriteria;
	}

	public String getRollbackPlan() {
		return this.rollbackPlan;
	}

	public void setRollbackPlan(String rollbackPlan) {
		this.rollbackPlan = rollbackPlan;
	}

}
