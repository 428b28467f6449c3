package org.yunwei.platform.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A department's editable fields. */
public class DepartmentFormData {

	@NotBlank
	@Size(max = 40)
	@Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.code}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String name;

	private Long parentId;

	@Min(0)
	@Max(9999)
	private int sortOrder;

	private boolean active = true;

	private Integer version;

	public static DepartmentFormData of(DepartmentView d) {
		DepartmentFormData f = new DepartmentFormData();
		f.code = d.code();
		f.name = d.name();
		f.parentId = d.parentId();
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

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
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
