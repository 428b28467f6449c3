package org.yunwei.platform.audit;

/**
 * An entity that gives a human summary of itself for the audit trail (its name, its
 * number), so an auditor reads "张伟 (zhangwei)" rather than only an id.
 */
public interface AuditDescribed {

	String auditSummary();

}
