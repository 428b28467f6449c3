package org.yunwei.document;

/**
 * What the register shows: by type, state, clause served, owner, text in the number or
 * title, and only those whose review is due.
 */
public record DocumentFilter(DocumentType type, DocumentState state, String clause, Long ownerId, String q,
		boolean reviewDue) {

	public static DocumentFilter all() {
		return new DocumentFilter(null, null, null, null, null, false);
	}

}
