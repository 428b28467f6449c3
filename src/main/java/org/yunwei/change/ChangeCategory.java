package org.yunwei.change;

/** What a change touches (its classification, 8.3.6 c). */
public enum ChangeCategory {

	HARDWARE, SOFTWARE, NETWORK, APPLICATION, DATABASE, SECURITY, FACILITY, OTHER;

	public String messageKey() {
		return "change.category." + name();
	}

}
