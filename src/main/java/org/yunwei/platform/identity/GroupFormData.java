package org.yunwei.platform.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An assignment group's editable fields, members included. */
public class GroupFormData {

	@NotBlank
	@Size(max = 40)
	@Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.code}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String name;

	@Size(max = 500)
	private String description;

	private Long leaderId;

	private boolean active = true;

	private Set<Long> memberIds = new LinkedHashSet<>();

	private Integer version;

	public static GroupFormData of(GroupView g) {
		GroupFormData f = new GroupFormData();
		f.code = g.code();
		f.name = g.name();
		f.description = g.description();
		f.leaderId = g.leaderId();
		f.active = g.active();
		g.members().forEach((m) -> f.memberIds.add(m.id()));
		f.version = g.version();
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

	public Long getLeaderId() {
		return this.leaderId;
	}

	public void setLeaderId(Long leaderId) {
		this.leaderId = leaderId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Set<Long> getMemberIds() {
		return this.memberIds;
	}

	public void setMemberIds(Set<Long> memberIds) {
		this.memberIds = (memberIds == null) ? new LinkedHashSet<>() : memberIds;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
