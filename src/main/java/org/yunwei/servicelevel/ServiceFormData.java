package org.yunwei.servicelevel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** A service as its form and REST edit it. */
public class ServiceFormData {

	@NotBlank
	@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
	private String code;

	@NotBlank
	@Size(max = 200)
	private String name;

	@Size(max = 20000)
	private String description;

	private Long ownerId;

	private List<Long> departmentIds = new ArrayList<>();

	private boolean active = true;

	private Integer version;

	public static ServiceFormData of(ServiceView s) {
		ServiceFormData f = new ServiceFormData();
		f.code = s.code();
		f.name = s.name();
		f.description = s.description();
		f.ownerId = (s.owner() != null) ? s.owner().id() : null;
		f.departmentIds = new ArrayList<>(s.departments().stream().map((d) -> d.id()).toList());
		f.active = s.active();
		f.version = s.version();
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

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public List<Long> getDepartmentIds() {
		return this.departmentIds;
	}

	public void setDepartmentIds(List<Long> departmentIds) {
		this.departmentIds = departmentIds;
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
