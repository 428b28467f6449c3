package org.yunwei.document;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A draft version as its form and REST edit it: its label, the text (Markdown), an SOP's
 * steps (one per line), what changed, and the day it is to take effect once approved (the
 * day of approval when empty).
 */
public class VersionFormData {

	@NotBlank
	@Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z._-]{0,19}")
	private String label;

	@Size(max = 200000)
	private String content;

	@Size(max = 20000)
	private String steps;

	@Size(max = 2000)
	private String changeNote;

	private LocalDate effectiveOn;

	/** A plan's sections by key (those of its kind). */
	private java.util.Map<String, @Size(max = 20000) String> sections = new java.util.LinkedHashMap<>();

	private Integer version;

	public static VersionFormData of(VersionView v) {
		VersionFormData f = new VersionFormData();
		f.label = v.label();
		f.content = v.content();
		f.steps = String.join("\n", v.steps());
		f.changeNote = v.changeNote();
		f.effectiveOn = v.effectiveOn();
		f.version = v.version();
		v.sections().forEach((s) -> f.sections.put(s.key(), s.content()));
		return f;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getSteps() {
		return this.steps;
	}

	public void setSteps(String steps) {
		this.steps = steps;
	}

	public String getChangeNote() {
		return this.changeNote;
	}

	public void setChangeNote(String changeNote) {
		this.changeNote = changeNote;
	}

	public java.util.Map<String, String> getSections() {
		return this.sections;
	}

	public void setSections(java.util.Map<String, String> sections) {
		this.sections = (sections == null) ? new java.util.LinkedHashMap<>() : sections;
	}

	public LocalDate getEffectiveOn() {
		return this.effectiveOn;
	}

	public void setEffectiveOn(LocalDate effectiveOn) {
		this.effectiveOn = effectiveOn;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
