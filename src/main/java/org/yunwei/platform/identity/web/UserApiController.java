package org.yunwei.platform.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.identity.RoleManagement;
import org.yunwei.platform.identity.UserFilter;
import org.yunwei.platform.identity.UserFormData;
import org.yunwei.platform.identity.UserManagement;
import org.yunwei.platform.identity.UserView;
import org.yunwei.platform.web.JsonPatches;

/** Users over REST: list, read, create, patch, roles, unlock, password reset. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApiController {

	private final UserManagement users;

	private final RoleManagement roles;

	private final JsonPatches patches;

	UserApiController(UserManagement users, RoleManagement roles, JsonPatches patches) {
		this.users = users;
		this.roles = roles;
		this.patches = patches;
	}

	@GetMapping
	@Operation(summary = "List users (keyset paging: pass 'next' back as 'after')")
	KeysetPage<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long department,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String role,
			@RequestParam(required = false) Long group, @RequestParam(required = false) String after,
			@RequestParam(required = false) Integer size) {
		return this.users.list(new UserFilter(q, department, active, role, group), after, size);
	}

	@GetMapping("/{idOrUsername}")
	UserView get(@PathVariable String idOrUsername) {
		return this.users.get(idOrUsername);
	}

	/** The created user and the initial password to hand over (shown only here). */
	record Created(UserView user, String initialPassword) {
	}

	@PostMapping
	@Operation(summary = "Create a user (system administrator); the initial password must be changed at first login")
	ResponseEntity<Created> create(@Valid @RequestBody UserFormData form) {
		UserManagement.CreatedUser created = this.users.create(form);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id()))
			.body(new Created(created.user(), created.initialPassword()));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change fields (JSON merge patch); 'version' is required and a stale one gets 409")
	UserView patch(@PathVariable long id, @RequestBody String patch) {
		UserView current = this.users.get(String.valueOf(id));
		UserFormData form = UserFormData.of(current);
		form.setVersion(null);
		return this.users.update(id, this.patches.apply(form, patch));
	}

	/** The roles a user should hold, and the version of the user read before. */
	record RolesRequest(@NotNull List<String> roles, @NotNull Integer version) {
	}

	@PutMapping("/{id}/roles")
	@Operation(summary = "Set the user's roles (security administrator); 三员分立 rules give 422")
	UserView setRoles(@PathVariable long id, @Valid @RequestBody RolesRequest request) {
		this.roles.grant(id, request.roles(), request.version());
		return this.users.get(String.valueOf(id));
	}

	@PostMapping("/{id}/unlock")
	UserView unlock(@PathVariable long id) {
		return this.users.unlock(id);
	}

	@PostMapping("/{id}/password-reset")
	@Operation(summary = "Reset the password (security administrator): returns a temporary password")
	Map<String, String> resetPassword(@PathVariable long id) {
		return Map.of("temporaryPassword", this.users.resetPassword(id));
	}

}
