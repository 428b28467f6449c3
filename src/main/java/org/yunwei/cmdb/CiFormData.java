package org.yunwei.cmdb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CI as its form, REST and the importer write it. Attribute values by attribute code,
 * as text (checked against the attribute's type). {@code version} is the CI's version as
 * read, so a conflicting edit is refused; {@code reason} and {@code changeNumber} go into
 * the history of every field changed.
 */
public class CiFormData {

	private String classCode;

	private String name;

	private CiState state = CiState.IN_SERVICE;

	private Long ownerId;

	private Long groupId;

	private Long locationId;

	private Long serviceId;

	private String description;

	private Map<String, String> attributes = new LinkedHashMap<>();

	private Integer version;

	private String reason;

	private String changeNumber;

	public static CiFormData of(CiView ci) {
		CiFormData f = new CiFormData();
		f.classCode = ci.ciClass().code();
		f.name = ci.name();
		f.state = ci.state();
		f.ownerId = (ci.owner() == null) ? null : ci.owner().id();
		f.groupId = (ci.group() == null) ? null : ci.group().id();
		f.locationId = (ci.location() == null) ? null : ci.location().id();
		f.serviceId = (ci.service() == null) ? null : ci.service().id();
		f.description = ci.description();
		ci.values().forEach((v) -> {
			if (v.value() != null) {
				f.attributes.put(v.attribute().code(), v.value());
			}
		});
		f.version = ci.version();
		return f;
	}

	public String getClassCode() {
		return this.classCode;
	}

	public void setClassCode(String classCode) {
		this.classCode = classCode;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public CiState getState() {
		return this.state;
	}

	public void setState(CiState state) {
		this.state = state;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public Long getLocationId() {
		return this.locationId;
	}

	public void setLocationId(Long locationId) {
		this.locationId = locationId;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Map<String, String> getAttributes() {
		return this.attributes;
	}

	public void setAttributes(Map<String, String> attributes) {
		this.attributes = (attributes == null) ? new LinkedHashMap<>() : attributes;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getChangeNumber() {
		return this.changeNumber;
	}

	public void setChangeNumber(String changeNumber) {
		this.changeNumber = changeNumber;
	}

}
