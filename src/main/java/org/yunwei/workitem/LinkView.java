package org.yunwei.workitem;

/**
 * A link from this record to another, seen from this side: {@code kind} as stored when
 * this record is the source, its inverse when it is the target.
 */
public record LinkView(long id, LinkKind kind, boolean outgoing, String otherType, long otherId, String otherNumber,
		String otherTitle, String otherState) {
}
