package org.yunwei.knowledge;

/**
 * A version's life: drafted (and edited), in review, published, superseded by a later
 * version (kept). A version returned by its reviewer is a draft again, with the reason.
 */
public enum VersionState {

	DRAFT, IN_REVIEW, PUBLISHED, SUPERSEDED;

	public String messageKey() {
		return "knowledge.version." + name();
	}

}
