package org.yunwei.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A document as a line of the register. */
public record DocumentRow(long id, String number, DocumentType type, String title, DocumentState state,
		String currentLabel, LocalDate effectiveOn, LocalDate nextReviewOn, boolean reviewDue, String ownerName,
		List<String> clauses, VersionState pendingState, Instant updatedAt) {
}
