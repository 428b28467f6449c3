package org.yunwei.platform.identity.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.identity.ApiTokenManagement;
import org.yunwei.platform.identity.ApiTokenView;
import org.yunwei.platform.identity.IssuedToken;
import org.yunwei.platform.identity.UserManagement;
import org.yunwei.platform.identity.UserView;

/** The caller's own account: profile, preferences, password and API tokens. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "My account")
class MeApiController {

	private final UserManagement users;

	private final ApiTokenManagement tokens;

	MeApiController(UserManagement users, ApiTokenManagement tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/me")
	UserView me() {
		return this.users.me();
	}

	/** The caller's preferences; either may be omitted. */
	record Preferences(String locale, String timeZone) {
	}

	@PatchMapping(path = "/me", consumes = { "application/merge-patch+json", "application/json" })
	UserView preferences(@RequestBody Preferences preferences) {
		return this.users.updatePreferences(preferences.locale(), preferences.timeZone());
	}

	/** A password change. */
	record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
	}

	@PostMapping("/me/password")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
		this.users.changeOwnPassword(change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/tokens")
	List<ApiTokenView> tokens() {
		return this.tokens.mine();
	}

	/** A token to issue: its name and lifetime in days. */
	record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(366) int days) {
	}

	@PostMapping("/tokens")
	ResponseEntity<IssuedToken> issue(@Valid @RequestBody NewToken request) {
		IssuedToken issued = this.tokens.issue(request.name(), request.days());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.view().id())).body(issued);
	}

	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		this.tokens.revoke(id);
		return ResponseEntity.noContent().build();
	}

}
