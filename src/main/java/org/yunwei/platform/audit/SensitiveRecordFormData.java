package org.yunwei.platform.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new sensitive mark; without a record id it covers the whole record type. */
public class SensitiveRecordFormData {

	@NotBlank
	@Size(max = 60)
	@Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]*", message = "{validation.code}")
	private String recordType;

	@Size(max = 64)
	@Pattern(regexp = "[A-Za-z0-9_.-]*", message = "{validation.code}")
	private String recordId;

	@Size(max = 200)
	private String reason;

	public String getRecordType() {
		return this.recordType;
	}

	public void setRecordType(String recordType) {
		this.recordType = recordType;
	}

	public String getRecordId() {
		return this.recordId;
	}

	public void setRecordId(String recordId) {
		this.recordId = recordId;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
