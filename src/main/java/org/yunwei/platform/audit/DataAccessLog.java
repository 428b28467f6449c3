package org.yunwei.platform.audit;

/**
 * The data-access log of 8.6.1: a module calls {@link #read} when a user opens a record;
 * the read is logged (who, when, what, from where) if the record or its type is marked
 * sensitive.
 */
public interface DataAccessLog {

	void read(String recordType, Object recordId, String summary);

	boolean isSensitive(String recordType, Object recordId);

}
