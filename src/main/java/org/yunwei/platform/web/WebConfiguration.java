package org.yunwei.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import org.yunwei.platform.identity.AccessControl;

/** Language, the forced password change, and the API's request size limit. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final PasswordChangeGate passwordChangeGate;

	private final LayoutInterceptor layout;

	WebConfiguration(PasswordChangeGate passwordChangeGate, LayoutInterceptor layout) {
		this.passwordChangeGate = passwordChangeGate;
		this.layout = layout;
	}

	@Bean
	LocaleResolver localeResolver(AccessControl access) {
		return new UserLocaleResolver(access);
	}

	/**
	 * Static files under their own prefixes only (Boot's default maps them at {@code /**}
	 * with {@code spring.web.resources.add-mappings}, turned off): with a catch-all
	 * mapping every link a page writes ({@code /work/incident/INC-…}, hundreds on a list)
	 * was looked up on the classpath as a possible static file — 70 % of the CPU of the
	 * incident list page.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
		for (String dir : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + dir + "/**")
				.addResourceLocations("classpath:/static/" + dir + "/")
				.resourceChain(true);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		registry.addInterceptor(lang).addPathPatterns("/login");
		registry.addInterceptor(this.passwordChangeGate).excludePathPatterns("/api/**");
		registry.addInterceptor(this.layout).excludePathPatterns("/api/**");
	}

	/**
	 * Refuses API request bodies over {@code yunwei.security.max-json-bytes} with a 413
	 * problem.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiBodyLimit(Problems problems,
			@Value("${yunwei.security.max-json-bytes:1048576}") long limit) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String type = request.getContentType();
				boolean multipart = type != null && type.startsWith("multipart/");
				if (!multipart && request.getContentLengthLong() > limit) {
					problems.write(response,
							problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "problem.detail.tooLarge", limit));
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
