package org.yunwei.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Until a user whose password must change has changed it, every page leads to the
 * change-password form (first login with a generated password, after a reset, or when
 * expired).
 */
@Component
public class PasswordChangeGate implements HandlerInterceptor {

	/** Session attribute set at login when the password must change. */
	public static final String DUE = "yunwei.passwordChangeDue";

	/**
	 * Session attribute: the message key (and argument) of the last failed login, for the
	 * login page.
	 */
	public static final String LOGIN_ERROR = "yunwei.loginError";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(DUE) == null) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/password/change") || path.equals("/logout") || path.startsWith("/error")) {
			return true;
		}
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", request.getContextPath() + "/password/change");
			return false;
		}
		response.sendRedirect(request.getContextPath() + "/password/change");
		return false;
	}

}
