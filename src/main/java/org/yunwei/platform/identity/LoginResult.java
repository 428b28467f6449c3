package org.yunwei.platform.identity;

import java.time.Instant;

/** The outcome of a password login (form or token endpoint). */
public sealed interface LoginResult {

	/** The password was right. */
	record Success(AuthenticatedUser user, boolean passwordChangeDue) implements LoginResult {
	}

	/** Unknown user or wrong password (the two are not told apart). */
	record BadCredentials() implements LoginResult {
	}

	/** Locked after too many failures, until the given instant. */
	record Locked(Instant until) implements LoginResult {
	}

	/** The account is deactivated. */
	record Disabled() implements LoginResult {
	}

}
