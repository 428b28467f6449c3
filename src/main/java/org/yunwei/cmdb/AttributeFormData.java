package org.yunwei.cmdb;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An attribute as the model editor and REST write it; {@code choices} a line each,
 * {@code 值|English}.
 */
public class AttributeFormData {

	@NotBlank
	@Size(max = 40)
	@Pattern(regexp = "[a-z][a-z0-9_]*", message = "{cmdb.error.code}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String nameZh;

	@NotBlank
	@Size(max = 100)
	private String nameEn;

	@NotNull
	private AttributeType type = AttributeType.TEXT;

	private boolean required;

	private boolean unique;

	private boolean identifying;

	@Size(max = 2000)
	private String choices;

	private int position;

	private boolean active = true;

	public static AttributeFormData of(AttributeView a) {
		AttributeFormData f = new AttributeFormData();
		f.code = a.code();
		f.nameZh = a.nameZh();
		f.nameEn = a.nameEn();
		f.type = a.type();
		f.required = a.required();
		f.unique = a.unique();
		f.identifying = a.identifying();
		f.choices = a.choicesText();
		f.position = a.position();
		f.active = a.active();
		return f;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public AttributeType getType() {
		return this.type;
	}

	public void setType(AttributeType type) {
		this.type = type;
	}

	public boolean isRequired() {
		return this.required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public boolean isUnique() {
		return this.unique;
	}

	public void setUnique(boolean unique) {
		this.unique = unique;
	}

	public boolean isIdentifying() {
		return this.identifying;
	}

	public void setIdentifying(boolean identifying) {
		this.identifying = identifying;
	}

	public String getChoices() {
		return this.choices;
	}

	public void setChoices(String choices) {
		this.choices = choices;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
