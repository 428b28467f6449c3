package org.yunwei.capacity;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A capacity record as it is defined: what is measured (of a CI, by number, or of a
 * service), in which unit, the threshold and whether it is reached rising (space used) or
 * falling (space free).
 */
public class MetricFormData {

	private Integer version;

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotBlank
	@Size(max = 20)
	private String unit;

	@Size(max = 40)
	private String ciNumber;

	private Long serviceId;

	@NotNull
	private BigDecimal threshold;

	private boolean rising = true;

	private Long groupId;

	private boolean active = true;

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getUnit() {
		return this.unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getCiNumber() {
		return this.ciNumber;
	}

	public void setCiNumber(String ciNumber) {
		this.ciNumber = ciNumber;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(Long serviceId) {
		this.serviceId = serviceId;
	}

	public BigDecimal getThreshold() {
		return this.threshold;
	}

	public void setThreshold(BigDecimal threshold) {
		this.threshold = threshold;
	}

	public boolean isRising() {
		return this.rising;
	}

	public void setRising(boolean rising) {
		this.rising = rising;
	}

	public Long getGroupId() {
		return this.groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
