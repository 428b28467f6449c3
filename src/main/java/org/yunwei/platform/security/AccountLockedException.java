package org.yunwei.platform.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Spring Security's lock, carrying until when the account stays locked. */
class AccountLockedException extends LockedException {

	private final Instant until;

	AccountLockedException(Instant until) {
		super("locked until " + until);
		this.until = until;
	}

	Instant until() {
		return this.until;
	}

}
