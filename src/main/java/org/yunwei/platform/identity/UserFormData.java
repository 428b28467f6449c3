package org.yunwei.platform.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user's editable fields, bound from the UI form or a REST body (JSON merge patch
 * overlays it).
 */
public class UserFormData {

	@NotBlank
	@Size(min = 2, max = 64)
	@Pattern(regexp = "[a-zA-Z0-9._-]+", message = "{validation.username}")
	private String username;

	@NotBlank
	@Size(max = 100)
	private String displayName;

	@Email
	@Size(max = 200)
	private String email;

	@Size(max = 30)
	@Pattern(regexp = "[0-9+()\\- ]*", message = "{validation.mobile}")
	private String mobile;

	private Long departmentId;

	private boolean active = true;

	@Pattern(regexp = "(zh-CN|en)?", message = "{validation.locale}")
	private String locale;

	@Size(max = 40)
	private String timeZone;

	private Integer version;

	public static UserFormData of(UserView u) {
		UserFormData f = new UserFormData();
		f.username = u.username();
		f.displayName = u.displayName();
		f.email = u.email();
		f.mobile = u.mobile();
		f.departmentId = u.departmentId();
		f.active = u.active();
		f.locale = u.locale();
		f.timeZone = u.timeZone();
		f.version = u.version();
		return f;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getMobile() {
		return this.mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getLocale() {
		return this.locale;
	}

	public void setLocale(String locale) {
		this.locale = locale;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
