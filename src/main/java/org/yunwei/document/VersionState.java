package org.yunwei.document;

/**
 * A version's life: drafted (and edited), submitted and awaiting approval, approved but
 * effective only from a later date, in effect, and superseded by a later version (kept).
 * A rejected version returns to draft with the reason.
 */
public enum VersionState {

	DRAFT, IN_APPROVAL, APPROVED, EFFECTIVE, SUPERSEDED;

	public String messageKey() {
		return "document.version.state." + name();
	}

	/** Whether the version's content and files can still change. */
	public boolean editable() {
		return this == DRAFT;
	}

}
