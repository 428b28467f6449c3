package org.yunwei.platform.identity;

/**
 * The three administrators of 三员分立. No account holds two of them; the audit administrator
 * holds nothing else.
 */
public enum AdminKind {

	SYSTEM, SECURITY, AUDIT;

	public String messageKey() {
		return "adminKind." + name();
	}

}
