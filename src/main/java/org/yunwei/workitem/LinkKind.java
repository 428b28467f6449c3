package org.yunwei.workitem;

/** The kinds of link between two records. */
public enum LinkKind {

	RELATES_TO, CAUSED_BY, DUPLICATES, PARENT_OF;

	/** Message key as seen from the source ({@code outgoing}) or the target. */
	public String messageKey(boolean outgoing) {
		return "workitem.link." + name() + (outgoing ? "" : ".inverse");
	}

}
