package org.yunwei.platform.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import org.yunwei.platform.identity.AuthenticatedUser;
import org.yunwei.platform.identity.LoginAttempts;
import org.yunwei.platform.identity.LoginResult;

/**
 * The form login's provider: the kernel's {@link LoginAttempts} decides, this turns its
 * result into Spring Security's terms. Permissions are not put in the token: they are
 * read per request by {@code AccessControl}, so a withdrawn role takes effect at once.
 */
@Component
class PasswordLoginProvider implements AuthenticationProvider {

	private final LoginAttempts logins;

	PasswordLoginProvider(LoginAttempts logins) {
		this.logins = logins;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String password = (authentication.getCredentials() == null) ? null : authentication.getCredentials().toString();
		LoginResult result = this.logins.attempt(authentication.getName(), password);
		if (result instanceof LoginResult.Success s) {
			return authenticated(s.user(), s.passwordChangeDue());
		}
		if (result instanceof LoginResult.Locked l) {
			throw new AccountLockedException(l.until());
		}
		if (result instanceof LoginResult.Disabled) {
			throw new DisabledException("disabled");
		}
		throw new BadCredentialsException("bad credentials");
	}

	static UsernamePasswordAuthenticationToken authenticated(AuthenticatedUser user, boolean passwordChangeDue) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER")));
		token.setDetails(passwordChangeDue ? PASSWORD_CHANGE_DUE : null);
		return token;
	}

	static final String PASSWORD_CHANGE_DUE = "passwordChangeDue";

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
