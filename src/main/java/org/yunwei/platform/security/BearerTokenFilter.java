package org.yunwei.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.yunwei.platform.identity.ApiTokenManagement;
import org.yunwei.platform.identity.AuthenticatedUser;
import org.yunwei.platform.web.Problems;

/**
 * Authenticates {@code Authorization: Bearer <token>} for one request (nothing is stored
 * in a session). An unknown, expired or revoked token is a 401 problem, never a
 * fall-through.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokenManagement tokens;

	private final Problems problems;

	BearerTokenFilter(ApiTokenManagement tokens, Problems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AuthenticatedUser> user = this.tokens.authenticate(header.substring(7).trim());
		if (user.isEmpty()) {
			this.problems.write(response,
					this.problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.detail.badToken"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(PasswordLoginProvider.authenticated(user.get(), false));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
