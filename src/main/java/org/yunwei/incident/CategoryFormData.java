package org.yunwei.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An incident category as its administrator writes it. */
public class CategoryFormData {

	private Integer version;

	private Long parentId;

	@NotBlank
	@Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,39}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String nameZh;

	@NotBlank
	@Size(max = 100)
	private String nameEn;

	@Min(0)
	@Max(9999)
	private int sortOrder = 100;

	private boolean active = true;

	public static CategoryFormData of(CategoryView c) {
		CategoryFormData f = new CategoryFormData();
		f.version = c.version();
		f.parentId = c.parentId();
		f.code = c.code();
		f.nameZh = c.nameZh();
		f.nameEn = c.nameEn();
		f.sortOrder = c.sortOrder();
		f.active = c.active();
		return f;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
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

}
