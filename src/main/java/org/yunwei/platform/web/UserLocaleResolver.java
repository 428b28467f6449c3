package org.yunwei.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;

/**
 * The language of a request: on the API an explicit {@code Accept-Language} wins
 * (integrations ask for theirs); otherwise the signed-in user's choice, then the language
 * cookie set on the login page, then the browser's {@code Accept-Language}; Chinese by
 * default.
 */
public class UserLocaleResolver implements LocaleResolver {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

	static final String COOKIE = "yw_lang";

	private final AccessControl access;

	public UserLocaleResolver(AccessControl access) {
		this.access = access;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Object cached = request.getAttribute(UserLocaleResolver.class.getName());
		if (cached instanceof Locale locale) {
			return locale;
		}
		Locale locale = resolve(request);
		request.setAttribute(UserLocaleResolver.class.getName(), locale);
		return locale;
	}

	private Locale resolve(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String header = request.getHeader("Accept-Language");
		if (path.startsWith("/api/") && header != null && !header.isBlank()) {
			return fromHeader(request);
		}
		String chosen = this.access.current().map(CurrentUser::locale).orElse(null);
		if (chosen != null) {
			return parse(chosen);
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return parse(cookie.getValue());
				}
			}
		}
		return (header == null || header.isBlank()) ? CHINESE : fromHeader(request);
	}

	private static Locale fromHeader(HttpServletRequest request) {
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(request.getHeader("Accept-Language"));
			for (Locale.LanguageRange range : ranges) {
				String tag = range.getRange().toLowerCase(Locale.ROOT);
				if (tag.startsWith("zh")) {
					return CHINESE;
				}
				if (tag.startsWith("en")) {
					return Locale.ENGLISH;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// a malformed header is ignored
		}
		return CHINESE;
	}

	public static Locale parse(String tag) {
		return (tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH : CHINESE;
	}

	public static String tag(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = (locale == null) ? CHINESE : parse(locale.toLanguageTag());
		Cookie cookie = new Cookie(COOKIE, tag(chosen));
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setHttpOnly(true);
		response.addCookie(cookie);
		request.setAttribute(UserLocaleResolver.class.getName(), chosen);
	}

}
