package org.yunwei.platform.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.yunwei.platform.identity.ApiTokenManagement;
import org.yunwei.platform.web.Problems;

/**
 * Two filter chains. {@code /api/**} and {@code /actuator/**}: bearer tokens or the
 * browser session, CSRF only for the session, every refusal as problem+json. Everything
 * else: the UI with form login, CSRF on every form, an htmx-aware login redirect. Both
 * send CSP, frame denial and no-sniff headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
			+ " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
			+ " frame-ancestors 'none'";

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokenManagement tokens, Problems problems,
			PasswordLoginProvider provider) throws Exception {
		BearerTokenFilter bearer = new BearerTokenFilter(tokens, problems);
		RequestMatcher csrfNeeded = (HttpServletRequest request) -> !SAFE.contains(request.getMethod())
				&& request.getHeader("Authorization") == null
				&& !"/api/v1/auth/token".equals(request.getRequestURI().substring(request.getContextPath().length()));
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(
					(a) -> a.requestMatchers("/api/v1/auth/token", "/actuator/health", "/actuator/health/**")
						.permitAll()
						.anyRequest()
						.authenticated())
			.csrf((c) -> c.requireCsrfProtectionMatcher(csrfNeeded))
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((c) -> c.disable())
			.authenticationProvider(provider)
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.exceptionHandling((e) -> e
				.authenticationEntryPoint((request, response, ex) -> problems.write(response,
						problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.detail.unauthorized")))
				.accessDeniedHandler((request, response, ex) -> problems.write(response,
						problems.of(HttpStatus.FORBIDDEN, "forbidden", "problem.detail.csrfOrForbidden"))))
			.headers(this::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain uiChain(HttpSecurity http, PasswordLoginProvider provider, LoginHandlers handlers)
			throws Exception {
		http.authorizeHttpRequests((a) -> a
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/public/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((f) -> f.loginPage("/login")
				.successHandler(handlers.success())
				.failureHandler(handlers.failure())
				.permitAll())
			.logout((l) -> l.logoutUrl("/logout").addLogoutHandler(handlers.logout()).logoutSuccessUrl("/login?logout"))
			.authenticationProvider(provider)
			.exceptionHandling((e) -> e.authenticationEntryPoint(handlers.entryPoint()))
			.headers(this::headers);
		return http.build();
	}

	private void headers(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((c) -> c.policyDirectives(CSP))
			.frameOptions((f) -> f.deny())
			.referrerPolicy((r) -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
	}

	/** LDAP / Active Directory login, when {@code yunwei.ldap.url} is set. */
	@Bean
	@ConditionalOnExpression("!'${yunwei.ldap.url:}'.isBlank()")
	LdapAuthenticator ldapAuthenticator(@Value("${yunwei.ldap.url}") String url,
			@Value("${yunwei.ldap.user-dn-pattern:}") String dnPattern,
			@Value("${yunwei.ldap.user-search-base:}") String searchBase,
			@Value("${yunwei.ldap.user-search-filter:(sAMAccountName={0})}") String searchFilter,
			@Value("${yunwei.ldap.manager-dn:}") String managerDn,
			@Value("${yunwei.ldap.manager-password:}") String managerPassword) {
		// DefaultSpringSecurityContextSource takes the base DN from the URL, as directory
		// admins write it.
		DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(url);
		if (!managerDn.isBlank()) {
			source.setUserDn(managerDn);
			source.setPassword(managerPassword);
		}
		source.afterPropertiesSet();
		BindAuthenticator authenticator = new BindAuthenticator(source);
		if (!dnPattern.isBlank()) {
			authenticator.setUserDnPatterns(new String[] { dnPattern });
		}
		else {
			authenticator.setUserSearch(new FilterBasedLdapUserSearch(searchBase, searchFilter, source));
		}
		return authenticator;
	}

}
