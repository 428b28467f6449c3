package org.yunwei.platform;

/** The caller lacks the permission, or a rule such as 三员分立 forbids the action. */
public class Forbidden extends DomainException {

	public Forbidden(String messageKey, Object... args) {
		super(messageKey, args);
	}

	public static Forbidden missing(String permission) {
		return new Forbidden("error.forbidden.permission", permission);
	}

}
