package org.yunwei.workitem;

/**
 * The kinds of journal entry: a public comment (the requester sees it), an internal work
 * note (only those who work on the record), a system entry for a change, and an approval
 * decision with its reason.
 */
public enum JournalKind {

	COMMENT, WORK_NOTE, SYSTEM, APPROVAL;

	public String messageKey() {
		return "workitem.journal." + name();
	}

}
