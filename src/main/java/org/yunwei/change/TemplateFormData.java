package org.yunwei.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A standard-change template as a manager writes it (and so pre-approves it). */
public class TemplateFormData {

	private Integer version;

	@NotBlank
	@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
	private String code;

	@NotBlank
	@Size(max = 200)
	private String name;

	@Size(max = 4000)
	private String description;

	@NotNull
	private ChangeCategory category = ChangeCategory.OTHER;

	@NotBlank
	@Size(max = 20000)
	private String implementationPlan;

	@NotBlank
	@Size(max = 20000)
	private String backoutPlan;

	@NotBlank
	@Size(max = 20000)
	private String testPlan;

	private boolean active = true;

	public static TemplateFormData of(TemplateView t) {
		TemplateFormData f = new TemplateFormData();
		f.version = t.version();
		f.code = t.code();
		f.name = t.name();
		f.description = t.description();
		f.category = t.category();
		f.implementationPlan = t.implementationPlan();
		f.backoutPlan = t.backoutPlan();
		f.testPlan = t.testPlan();
		f.active = t.active();
		return f;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public ChangeCategory getCategory() {
		return this.category;
	}

	public void setCategory(ChangeCategory category) {
		this.category = category;
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

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
