package org.yunwei.governance;

/** Where a clause (or one rule of it) stands against the standard. */
public enum ClauseStatus {

	MET, PARTLY, NOT_MET, NOT_ASSESSED;

	public String messageKey() {
		return "conformance.status." + name();
	}

	/** The status's share of a full score: met 1, partly ½, otherwise 0. */
	public double weight() {
		return (this == MET) ? 1 : (this == PARTLY) ? 0.5 : 0;
	}

}
