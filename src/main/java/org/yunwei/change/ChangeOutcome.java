package org.yunwei.change;

/** How an implemented change ended. */
public enum ChangeOutcome {

	SUCCESSFUL, FAILED, BACKED_OUT;

	public String messageKey() {
		return "change.outcome." + name();
	}

}
