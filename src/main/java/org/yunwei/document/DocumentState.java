package org.yunwei.document;

/**
 * Where a document stands: no version in effect yet, a version in effect, or withdrawn
 * (废止) with its versions kept.
 */
public enum DocumentState {

	DRAFT, EFFECTIVE, RETIRED;

	public String messageKey() {
		return "document.state." + name();
	}

}
