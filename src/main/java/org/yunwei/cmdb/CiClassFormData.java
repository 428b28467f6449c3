package org.yunwei.cmdb;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A CI class as the model editor and REST write it. */
public class CiClassFormData {

	@NotBlank
	@Size(max = 40)
	@Pattern(regexp = "[a-z][a-z0-9_]*", message = "{cmdb.error.code}")
	private String code;

	@Size(max = 40)
	private String parentCode;

	@NotBlank
	@Size(max = 100)
	private String nameZh;

	@NotBlank
	@Size(max = 100)
	private String nameEn;

	@Size(max = 40)
	@Pattern(regexp = "[a-z0-9-]*")
	private String icon = "box";

	private boolean abstractClass;

	private boolean active = true;

	private Integer version;

	public static CiClassFormData of(CiClassView c) {
		CiClassFormData f = new CiClassFormData();
		f.code = c.code();
		f.parentCode = c.parentCode();
		f.nameZh = c.nameZh();
		f.nameEn = c.nameEn();
		f.icon = c.icon();
		f.abstractClass = c.abstractClass();
		f.active = c.active();
		f.version = c.version();
		return f;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getParentCode() {
		return this.parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
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

	public String getIcon() {
		return this.icon;
	}

	public void setIcon(String icon) {
		this.icon = icon;
	}

	public boolean isAbstractClass() {
		return this.abstractClass;
	}

	public void setAbstractClass(boolean abstractClass) {
		this.abstractClass = abstractClass;
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
