package org.yunwei.platform;

/**
 * A write refused because the record changed since the caller read it, or a duplicate.
 */
public class Conflict extends DomainException {

	public Conflict(String messageKey, Object... args) {
		super(messageKey, args);
	}

	public static Conflict staleVersion(String recordType, Object id) {
		return new Conflict("error.staleVersion", recordType, String.valueOf(id));
	}

}
