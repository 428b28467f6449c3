package org.yunwei.platform.identity.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.PermissionCatalog;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.identity.RoleFormData;
import org.yunwei.platform.identity.RoleManagement;
import org.yunwei.platform.identity.RoleView;
import org.yunwei.platform.identity.SecurityPolicy;
import org.yunwei.platform.identity.SecurityPolicyManagement;
import org.yunwei.platform.web.JsonPatches;

/** Roles, the permission catalogue and the security policy over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Roles and policy")
class RoleApiController {

	private final RoleManagement roles;

	private final PermissionCatalog catalog;

	private final SecurityPolicyManagement policies;

	private final AccessControl access;

	private final JsonPatches patches;

	RoleApiController(RoleManagement roles, PermissionCatalog catalog, SecurityPolicyManagement policies,
			AccessControl access, JsonPatches patches) {
		this.roles = roles;
		this.catalog = catalog;
		this.policies = policies;
		this.access = access;
		this.patches = patches;
	}

	@GetMapping("/roles")
	KeysetPage<RoleView> roles() {
		return new KeysetPage<>(this.roles.roles(), null);
	}

	@GetMapping("/roles/{idOrCode}")
	RoleView role(@PathVariable String idOrCode) {
		return this.roles.role(idOrCode);
	}

	@PostMapping("/roles")
	ResponseEntity<RoleView> create(@Valid @RequestBody RoleFormData form) {
		RoleView created = this.roles.create(form);
		return ResponseEntity.created(URI.create("/api/v1/roles/" + created.id())).body(created);
	}

	@PatchMapping(path = "/roles/{id}", consumes = { "application/merge-patch+json", "application/json" })
	RoleView patch(@PathVariable long id, @RequestBody String patch) {
		RoleFormData form = RoleFormData.of(this.roles.role(String.valueOf(id)));
		form.setVersion(null);
		return this.roles.update(id, this.patches.apply(form, patch));
	}

	@DeleteMapping("/roles/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.roles.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/permissions")
	List<PermissionDefinition> permissions() {
		this.access.require("role:read");
		return this.catalog.all();
	}

	@GetMapping("/security-policy")
	SecurityPolicy policy() {
		this.access.require("role:read");
		return this.policies.policy();
	}

	@PutMapping("/security-policy")
	SecurityPolicy updatePolicy(@Valid @RequestBody SecurityPolicy policy) {
		return this.policies.update(policy);
	}

}
