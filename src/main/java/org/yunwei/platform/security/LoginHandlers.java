package org.yunwei.platform.security;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AuthenticatedUser;
import org.yunwei.platform.identity.SecurityPolicyManagement;
import org.yunwei.platform.web.Formats;

/**
 * What happens around the login form: session timeout, forced password change, messages,
 * logout.
 */
@Component
class LoginHandlers {

	/**
	 * Session attribute: the signed-in user must change their password before anything
	 * else.
	 */
	public static final String PASSWORD_CHANGE_DUE = org.yunwei.platform.web.PasswordChangeGate.DUE;

	static final String LOGIN_ERROR = org.yunwei.platform.web.PasswordChangeGate.LOGIN_ERROR;

	private final SecurityPolicyManagement policies;

	private final AuditTrail audit;

	private final Formats formats;

	LoginHandlers(SecurityPolicyManagement policies, AuditTrail audit, Formats formats) {
		this.policies = policies;
		this.audit = audit;
		this.formats = formats;
	}

	AuthenticationSuccessHandler success() {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			HttpSession session = request.getSession();
			session.setMaxInactiveInterval(this.policies.policy().sessionTimeoutMinutes() * 60);
			session.removeAttribute(LOGIN_ERROR);
			if (PasswordLoginProvider.PASSWORD_CHANGE_DUE.equals(authentication.getDetails())) {
				session.setAttribute(PASSWORD_CHANGE_DUE, Boolean.TRUE);
				response.sendRedirect(request.getContextPath() + "/password/change");
				return;
			}
			saved.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			String[] message;
			if (exception instanceof AccountLockedException locked) {
				ZoneId zone = this.formats.zone();
				message = new String[] { "login.error.locked",
						DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(locked.until()) + " ("
								+ zone.getId() + ")" };
			}
			else if (exception instanceof DisabledException) {
				message = new String[] { "login.error.disabled" };
			}
			else {
				message = new String[] { "login.error.credentials" };
			}
			request.getSession().setAttribute(LOGIN_ERROR, message);
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}

	LogoutHandler logout() {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
				this.audit.record(AuditEvent.of(AuditAction.LOGOUT, "user", user.id(), user.displayName())
					.byActor(user.username(), user.id()));
			}
		};
	}

	/**
	 * The login page for a browser; for an htmx request, a header that makes htmx load
	 * the login page.
	 */
	AuthenticationEntryPoint entryPoint() {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return new AuthenticationEntryPoint() {
			@Override
			public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
					throws IOException, jakarta.servlet.ServletException {
				if ("true".equals(request.getHeader("HX-Request"))) {
					response.setHeader("HX-Redirect", request.getContextPath() + "/login");
					response.setStatus(HttpServletResponse.SC_OK);
					return;
				}
				login.commence(request, response, ex);
			}
		};
	}

	static boolean isAuthenticated(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser;
	}

}
