package org.yunwei.problem;

/** Where a problem's root cause lies. */
public enum CauseCategory {

	HARDWARE, SOFTWARE, CONFIGURATION, CAPACITY, NETWORK, HUMAN, PROCESS, VENDOR, ENVIRONMENT, UNKNOWN;

	public String messageKey() {
		return "problem.cause." + name();
	}

}
