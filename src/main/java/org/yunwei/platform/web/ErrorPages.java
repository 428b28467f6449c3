package org.yunwei.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows when no controller answered (an unknown path, an error
 * in a filter): problem+json under {@code /api}, a friendly page elsewhere.
 */
@Controller
class ErrorPages implements ErrorController {

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer i) ? i : 500;
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved == null) {
			resolved = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri == null) ? "" : uri.toString().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			String type = switch (status) {
				case 404 -> "not-found";
				case 403 -> "forbidden";
				case 401 -> "unauthorized";
				case 413 -> "too-large";
				default -> (status >= 500) ? "internal" : "http-" + status;
			};
			return ApiExceptionHandler.respond(this.problems.of(resolved, type, "problem.detail.http." + status));
		}
		ModelAndView mav = new ModelAndView("error/page");
		mav.addObject("status", status);
		response.setStatus(status);
		return mav;
	}

}
