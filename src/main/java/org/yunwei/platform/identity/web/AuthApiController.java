package org.yunwei.platform.identity.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.identity.ApiTokenManagement;
import org.yunwei.platform.identity.IssuedToken;
import org.yunwei.platform.identity.LoginAttempts;
import org.yunwei.platform.identity.LoginResult;
import org.yunwei.platform.web.ApiExceptionHandler;
import org.yunwei.platform.web.Formats;
import org.yunwei.platform.web.Problems;

/** {@code POST /api/v1/auth/token}: a bearer token for a username and password. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApiController {

	private final LoginAttempts logins;

	private final ApiTokenManagement tokens;

	private final Problems problems;

	private final Formats formats;

	AuthApiController(LoginAttempts logins, ApiTokenManagement tokens, Problems problems, Formats formats) {
		this.logins = logins;
		this.tokens = tokens;
		this.problems = problems;
		this.formats = formats;
	}

	/** The credentials of the token endpoint. */
	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
	}

	/** The issued token, shown only in this response. */
	record TokenResponse(String token, Instant expiresAt) {
	}

	@PostMapping("/token")
	@Operation(summary = "Issue a bearer token",
			description = "401 for wrong credentials or a locked / disabled account (the detail says until when);"
					+ " 403 when the password must be changed first. Failures count towards the lockout.")
	ResponseEntity<Object> token(@Valid @RequestBody TokenRequest request) {
		LoginResult result = this.logins.attempt(request.username(), request.password());
		if (result instanceof LoginResult.Success s) {
			if (s.passwordChangeDue()) {
				return ApiExceptionHandler.respond(this.problems.of(HttpStatus.FORBIDDEN, "password-change-required",
						"problem.detail.passwordChangeRequired"));
			}
			IssuedToken issued = this.tokens.issueForLogin(s.user());
			return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
		}
		if (result instanceof LoginResult.Locked l) {
			String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.withZone(this.formats.zone())
				.format(l.until()) + " (" + this.formats.zone().getId() + ")";
			ProblemDetail problem = this.problems.of(HttpStatus.UNAUTHORIZED, "account-locked", "login.error.locked",
					until);
			problem.setProperty("lockedUntil", l.until().atOffset(ZoneOffset.UTC).toString());
			return ApiExceptionHandler.respond(problem);
		}
		if (result instanceof LoginResult.Disabled) {
			return ApiExceptionHandler
				.respond(this.problems.of(HttpStatus.UNAUTHORIZED, "account-disabled", "login.error.disabled"));
		}
		return ApiExceptionHandler
			.respond(this.problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "login.error.credentials"));
	}

}
