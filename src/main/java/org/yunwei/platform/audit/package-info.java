/**
 * The audit trail: an append-only, hash-chained log of who did what to which record, and
 * the data-access log of sensitive records (8.6.1). Entity changes are captured by the
 * kernel itself; modules call {@link org.yunwei.platform.audit.AuditTrail} only for
 * events that are not entity changes (a login, a grant, an export).
 */
@org.springframework.modulith.NamedInterface("audit")
package org.yunwei.platform.audit;
