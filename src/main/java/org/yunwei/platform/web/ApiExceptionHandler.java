package org.yunwei.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;

/**
 * Every error of a REST controller as an RFC 9457 problem, in the caller's language, with
 * an {@code errors} array of {@code {field, message}} for validation. Never a stack
 * trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Problems problems;

	private final MessageSource messages;

	ApiExceptionHandler(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Object> notFound(NotFound ex) {
		return respond(domain(HttpStatus.NOT_FOUND, "not-found", ex));
	}

	@ExceptionHandler(Forbidden.class)
	ResponseEntity<Object> forbidden(Forbidden ex) {
		return respond(domain(HttpStatus.FORBIDDEN, "forbidden", ex));
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<Object> conflict(Conflict ex) {
		return respond(domain(HttpStatus.CONFLICT, "conflict", ex));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ResponseEntity<Object> optimisticLock(ObjectOptimisticLockingFailureException ex) {
		return respond(this.problems.of(HttpStatus.CONFLICT, "conflict", "error.staleVersion", "", ""));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		log.info("refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return respond(this.problems.of(HttpStatus.CONFLICT, "conflict", "error.integrity"));
	}

	@ExceptionHandler(ValidationFailed.class)
	ResponseEntity<Object> validation(ValidationFailed ex) {
		ProblemDetail problem = domain(HttpStatus.UNPROCESSABLE_CONTENT, "validation", ex);
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ValidationFailed.Violation v : ex.violations()) {
			errors.add(error(v.field(), this.problems.message(v.messageKey(), v.args().toArray())));
		}
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler(JsonPatches.MalformedBody.class)
	ResponseEntity<Object> malformed(JsonPatches.MalformedBody ex) {
		String property = ex.unknownProperty();
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "malformed",
				property != null ? "problem.detail.unknownProperty" : "problem.detail.malformed");
		if (property != null) {
			problem.setProperty("errors",
					List.of(error(property, this.problems.message("problem.detail.unknownProperty"))));
		}
		return respond(problem);
	}

	@ExceptionHandler(PayloadTooLarge.class)
	ResponseEntity<Object> tooLarge(PayloadTooLarge ex) {
		return respond(
				this.problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "problem.detail.tooLarge", ex.limit()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("unexpected error", ex);
		return respond(this.problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.detail.internal"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "validation", "problem.detail.validation");
		problem.setProperty("errors", errors(ex.getBindingResult()));
		return respond(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String reason = ex.getMostSpecificCause().getClass().getSimpleName().contains("UnrecognizedProperty")
				? "problem.detail.unknownProperty" : "problem.detail.malformed";
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "malformed", reason);
		String property = unknownProperty(ex);
		if (property != null) {
			problem.setProperty("errors",
					List.of(error(property, this.problems.message("problem.detail.unknownProperty"))));
		}
		return respond(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			// Spring's own problems (405, 406, 415, a type mismatch …): same shape, title
			// in the caller's language.
			problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
			problem.setTitle(this.problems.message("problem.title.http-" + statusCode.value()));
			return respond(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail domain(HttpStatus status, String type, DomainException ex) {
		return this.problems.of(status, type, ex.messageKey(), ex.args());
	}

	private List<Map<String, Object>> errors(BindingResult result) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (FieldError fe : result.getFieldErrors()) {
			errors.add(error(fe.getField(), this.messages.getMessage(fe, LocaleContextHolder.getLocale())));
		}
		result.getGlobalErrors()
			.forEach((ge) -> errors.add(error(null, this.messages.getMessage(ge, LocaleContextHolder.getLocale()))));
		return errors;
	}

	private static Map<String, Object> error(String field, String message) {
		Map<String, Object> e = new java.util.LinkedHashMap<>();
		e.put("field", field);
		e.put("message", message);
		return e;
	}

	private static String unknownProperty(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
			return u.getPropertyName();
		}
		return null;
	}

	/**
	 * A problem as a problem+json response (the one way every API answer of an error is
	 * built).
	 */
	public static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
