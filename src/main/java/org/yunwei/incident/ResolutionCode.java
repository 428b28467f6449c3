package org.yunwei.incident;

/** How an incident was resolved (8.3.3 f): what a resolution record says happened. */
public enum ResolutionCode {

	/** The cause was removed. */
	FIXED,
	/** Service restored by a workaround; the cause remains (a problem should follow). */
	WORKAROUND,
	/** Solved by the vendor or another party. */
	VENDOR,
	/** The user solved it, or it went away by itself. */
	USER_RESOLVED,
	/** It could not be reproduced. */
	NOT_REPRODUCIBLE,
	/** Not a fault (a question, a misunderstanding, working as designed). */
	NO_FAULT;

	public String messageKey() {
		return "incident.resolution." + name();
	}

}
