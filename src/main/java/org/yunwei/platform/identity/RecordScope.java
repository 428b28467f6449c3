package org.yunwei.platform.identity;

/** Which records a permission reaches, from narrowest to broadest. */
public enum RecordScope {

	/** Records the user requested, owns or is assigned. */
	OWN,
	/** Also records of the user's assignment groups. */
	GROUP,
	/** Also records of the user's department. */
	DEPARTMENT,
	/** Every record. */
	ALL;

	public String messageKey() {
		return "scope." + name();
	}

	public RecordScope broadest(RecordScope other) {
		return (other == null || compareTo(other) >= 0) ? this : other;
	}

}
