package org.yunwei.workitem;

/**
 * The kinds of journal entry: a public comment (the requester sees it), an internal work
 * note (only those who work on the record), and a system entry for a change.
 */
public enum JournalKind {

	COMMENT, WORK_NOTE, SYSTEM;

	public String messageKey() {
		return "workitem.journal." + name();
	}

}
