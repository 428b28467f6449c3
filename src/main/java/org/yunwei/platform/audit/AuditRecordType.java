package org.yunwei.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the record type of an entity in the audit trail (e.g. {@code user}); without it
 * the entity name in lower case is used. Every entity is audited.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditRecordType {

	String value();

}
