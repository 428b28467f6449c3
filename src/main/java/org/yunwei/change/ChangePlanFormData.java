package org.yunwei.change;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A change's plan as its implementer edits it before submitting: category, window, impact
 * assessment, the implementation, back-out and test plans and the risk questionnaire's
 * answers (question code → score 0–3). {@code version} is the one read.
 */
public class ChangePlanFormData {

	private Integer version;

	private ChangeCategory category;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime plannedStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime plannedEnd;

	@Size(max = 20000)
	private String impactAssessment;

	@Size(max = 20000)
	private String implementationPlan;

	@Size(max = 20000)
	private String backoutPlan;

	@Size(max = 20000)
	private String testPlan;

	private Map<String, Integer> answers = new LinkedHashMap<>();

	public static ChangePlanFormData of(ChangeView c, java.time.ZoneId zone) {
		ChangePlanFormData f = new ChangePlanFormData();
		f.version = c.version();
		f.category = c.category();
		f.plannedStart = (c.plannedStart() == null) ? null : LocalDateTime.ofInstant(c.plannedStart(), zone);
		f.plannedEnd = (c.plannedEnd() == null) ? null : LocalDateTime.ofInstant(c.plannedEnd(), zone);
		f.impactAssessment = c.impactAssessment();
		f.implementationPlan = c.implementationPlan();
		f.backoutPlan = c.backoutPlan();
		f.testPlan = c.testPlan();
		f.answers = new LinkedHashMap<>(c.answers());
		return f;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
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

	public String getImpactAssessment() {
		return this.impactAssessment;
	}

	public void setImpactAssessment(String impactAssessment) {
		this.impactAssessment = impactAssessment;
	}

	public String getImplementationPlan() {
		return this.implementationPlan;
	}

	public void setImplementationPlan(String implementationPlan) {
		this.implementationPlan = implementationPlan;
	}

	public String getBackoutPlan() {
		return this.backoutPlan;
	}

	public void setBackoutPlan(String backoutPlan) {
		this.backoutPlan = backoutPlan;
	}

	public String getTestPlan() {
		return this.testPlan;
	}

	public void setTestPlan(String testPlan) {
		this.testPlan = testPlan;
	}

	public Map<String, Integer> getAnswers() {
		return this.answers;
	}

	public void setAnswers(Map<String, Integer> answers) {
		this.answers = (answers == null) ? new LinkedHashMap<>() : answers;
	}

}
