package org.yunwei.workitem;

import java.time.Instant;
import java.util.List;

/**
 * A journal entry; {@code body} is Markdown, {@code changes} the fields a system entry
 * records.
 */
public record JournalEntryView(long id, JournalKind kind, String body, List<FieldChange> changes, Long authorId,
		String authorName, Instant createdAt) {

	/** One changed field, as text. */
	public record FieldChange(String field, String before, String after) {
	}

}
