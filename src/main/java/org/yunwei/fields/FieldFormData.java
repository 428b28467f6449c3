package org.yunwei.fields;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A custom field as its form and REST edit it. {@code options} is one choice per line,
 * {@code value|中文|English} (the labels optional).
 */
public class FieldFormData {

	@NotBlank
	@Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,39}", message = "{field.error.code}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String labelZh;

	@Size(max = 100)
	private String labelEn;

	@NotNull
	private FieldKind kind = FieldKind.TEXT;

	private boolean required;

	@Size(max = 10000)
	private String options;

	@Size(max = 200)
	private String pattern;

	private BigDecimal min;

	private BigDecimal max;

	private boolean inList;

	@Min(0)
	@Max(10000)
	private int sortOrder;

	private boolean active = true;

	private Integer version;

	public static FieldFormData of(FieldDefinition d) {
		FieldFormData f = new FieldFormData();
		f.code = d.code();
		f.labelZh = d.labelZh();
		f.labelEn = d.labelEn();
		f.kind = d.kind();
		f.required = d.required();
		StringBuilder o = new StringBuilder();
		d.options()
			.forEach((x) -> o.append(x.value()).append('|').append(x.zh()).append('|').append(x.en()).append('\n'));
		f.options = o.toString().strip();
		f.pattern = d.pattern();
		f.min = d.min();
		f.max = d.max();
		f.inList = d.inList();
		f.sortOrder = d.sortOrder();
		f.active = d.active();
		f.version = d.version();
		return f;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getLabelZh() {
		return this.labelZh;
	}

	public void setLabelZh(String labelZh) {
		this.labelZh = labelZh;
	}

	public String getLabelEn() {
		return this.labelEn;
	}

	public void setLabelEn(String labelEn) {
		this.labelEn = labelEn;
	}

	public FieldKind getKind() {
		return this.kind;
	}

	public void setKind(FieldKind kind) {
		this.kind = kind;
	}

	public boolean isRequired() {
		return this.required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public String getOptions() {
		return this.options;
	}

	public void setOptions(String options) {
		this.options = options;
	}

	public String getPattern() {
		return this.pattern;
	}

	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	public BigDecimal getMin() {
		return this.min;
	}

	public void setMin(BigDecimal min) {
		this.min = min;
	}

	public BigDecimal getMax() {
		return this.max;
	}

	public void setMax(BigDecimal max) {
		this.max = max;
	}

	public boolean isInList() {
		return this.inList;
	}

	public void setInList(boolean inList) {
		this.inList = inList;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public void setSortOrder(int sortOrder) {
		this.sortOrder = sortOrder;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
