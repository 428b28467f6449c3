package org.yunwei.platform.audit;

/**
 * Writes to the audit trail. Inside a transaction the entry is written when the
 * transaction commits (so a rolled-back change leaves no entry); outside one it is
 * written at once (a failed login is kept although the login fails).
 */
public interface AuditTrail {

	void record(AuditEvent event);

}
