package org.yunwei.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a localised title and detail. Used by the
 * exception handler and by the security filters that answer before any controller runs.
 */
@Component
public class Problems {

	public static final String TYPE_BASE = "https://yunwei.org/problems/";

	private final MessageSource messages;

	private final ObjectProvider<LocaleResolver> localeResolver;

	public Problems(MessageSource messages, ObjectProvider<LocaleResolver> localeResolver) {
		this.messages = messages;
		this.localeResolver = localeResolver;
	}

	/**
	 * The request's language as the UI and API resolve it, also in the security filters,
	 * which run before Spring MVC has set it (they would otherwise answer in the server's
	 * default language).
	 */
	private Locale locale() {
		LocaleResolver resolver = this.localeResolver.getIfAvailable();
		if (resolver != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
			return resolver.resolveLocale(a.getRequest());
		}
		return LocaleContextHolder.getLocale();
	}

	public ProblemDetail of(HttpStatus status, String type, String detailKey, Object... args) {
		Locale locale = locale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(this.messages.getMessage("problem.title." + type, null, status.getReasonPhrase(), locale));
		problem.setDetail(this.messages.getMessage(detailKey, args, detailKey, locale));
		return problem;
	}

	public String message(String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale());
	}

	/** Writes a problem directly to the response (filters, entry points). */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", String.valueOf(problem.getInstance()));
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.getWriter().write(JsonMapper.shared().writeValueAsString(body));
	}

}
