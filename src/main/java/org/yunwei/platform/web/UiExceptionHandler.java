package org.yunwei.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;

/**
 * Errors of UI controllers that the controller did not turn into an inline message: a
 * friendly page with the reason in the user's language, never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(UiExceptionHandler.class);

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound ex, HttpServletResponse response) {
		return page(response, 404, ex);
	}

	@ExceptionHandler(Forbidden.class)
	ModelAndView forbidden(Forbidden ex, HttpServletResponse response) {
		return page(response, 403, ex);
	}

	@ExceptionHandler({ Conflict.class, ValidationFailed.class })
	ModelAndView conflict(DomainException ex, HttpServletResponse response) {
		return page(response, 409, ex);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ModelAndView stale(HttpServletResponse response) {
		return page(response, 409, new Conflict("error.staleVersion", "", ""));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badRequest(HttpServletResponse response) {
		return page(response, 404, new NotFound("", ""));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletResponse response) {
		log.error("unexpected error", ex);
		ModelAndView mav = new ModelAndView("error/page");
		mav.addObject("status", 500);
		response.setStatus(500);
		return mav;
	}

	private static ModelAndView page(HttpServletResponse response, int status, DomainException ex) {
		ModelAndView mav = new ModelAndView("error/page");
		mav.addObject("status", status);
		mav.addObject("reasonKey", ex.messageKey());
		mav.addObject("reasonArgs", ex.args());
		response.setStatus(status);
		return mav;
	}

}
