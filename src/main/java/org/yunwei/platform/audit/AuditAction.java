package org.yunwei.platform.audit;

/** What an audit entry records. Each has the message key {@code audit.action.<NAME>}. */
public enum AuditAction {

	LOGIN, LOGIN_FAILED, LOCKED, UNLOCKED, LOGOUT, CREATE, UPDATE, DELETE, READ, GRANT, PASSWORD_CHANGED,
	PASSWORD_RESET, TOKEN_ISSUED, TOKEN_REVOKED, EXPORT;

	public String messageKey() {
		return "audit.action." + name();
	}

}
