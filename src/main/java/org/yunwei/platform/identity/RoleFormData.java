package org.yunwei.platform.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A role's editable fields. */
public class RoleFormData {

	@NotBlank
	@Size(max = 40)
	@Pattern(regexp = "[A-Z0-9_]+", message = "{validation.roleCode}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String nameZh;

	@NotBlank
	@Size(max = 100)
	private String nameEn;

	@Size(max = 500)
	private String description;

	@NotNull
	private RecordScope scope = RecordScope.OWN;

	private Set<String> permissions = new LinkedHashSet<>();

	private Integer version;

	public static RoleFormData of(RoleView r) {
		RoleFormData f = new RoleFormData();
		f.code = r.code();
		f.nameZh = r.nameZh();
		f.nameEn = r.nameEn();
		f.description = r.description();
		f.scope = r.scope();
		f.permissions = new LinkedHashSet<>(r.permissions());
		f.version = r.version();
		return f;
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

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public RecordScope getScope() {
		return this.scope;
	}

	public void setScope(RecordScope scope) {
		this.scope = scope;
	}

	public Set<String> getPermissions() {
		return this.permissions;
	}

	public void setPermissions(Set<String> permissions) {
		this.permissions = (permissions == null) ? new LinkedHashSet<>() : permissions;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
