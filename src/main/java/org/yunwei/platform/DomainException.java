package org.yunwei.platform;

import java.util.List;

/**
 * Base of the kernel's domain exceptions. Each carries a message key (resolved in the
 * caller's language) and its arguments; the web layer maps each kind once to a problem
 * detail (API) or a friendly page / inline message (UI).
 */
public abstract class DomainException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] args;

	protected DomainException(String messageKey, Object... args) {
		super(messageKey + (args.length == 0 ? "" : " " + List.of(args)));
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] args() {
		return this.args.clone();
	}

}
