package org.yunwei.platform;

/** A record that does not exist, or that the caller may not know exists. */
public class NotFound extends DomainException {

	public NotFound(String recordType, Object id) {
		super("error.notFound", recordType, String.valueOf(id));
	}

	public static NotFound of(String recordType, Object id) {
		return new NotFound(recordType, id);
	}

}
