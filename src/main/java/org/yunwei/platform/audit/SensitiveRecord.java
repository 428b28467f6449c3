package org.yunwei.platform.audit;

import java.time.Instant;

/**
 * A mark that makes reads go to the data-access log (8.6.1): a whole record type
 * ({@code recordId} is {@code *}) or one record.
 */
public record SensitiveRecord(long id, String recordType, String recordId, String reason, Instant createdAt) {

	/** Whether the mark covers every record of its type. */
	public boolean wholeType() {
		return ALL.equals(this.recordId);
	}

	/** The record id of a mark that covers a whole type. */
	public static final String ALL = "*";

}
