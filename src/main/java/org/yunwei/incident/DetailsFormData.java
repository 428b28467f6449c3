package org.yunwei.incident;

import jakarta.validation.constraints.Size;

/** An incident's category, resolution code and workaround, with the version read. */
public class DetailsFormData {

	private Integer version;

	private Long categoryId;

	private ResolutionCode resolutionCode;

	@Size(max = 20000)
	private String workaround;

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public ResolutionCode getResolutionCode() {
		return this.resolutionCode;
	}

	public void setResolutionCode(ResolutionCode resolutionCode) {
		this.resolutionCode = resolutionCode;
	}

	public String getWorkaround() {
		return this.workaround;
	}

	public void setWorkaround(String workaround) {
		this.workaround = workaround;
	}

}
