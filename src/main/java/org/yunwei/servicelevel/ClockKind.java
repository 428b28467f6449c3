package org.yunwei.servicelevel;

/**
 * What a clock measures: the time to respond, to resolve (both promised to the user by
 * the service level) or an assignment group's share (its operational level).
 */
public enum ClockKind {

	RESPONSE, RESOLUTION, OLA;

	/**
	 * The clock's name in messages written as text (the journal, chat and e-mail
	 * templates): {@code zh} or {@code en}.
	 */
	public String label(String language) {
		switch (this) {
			case RESPONSE:
				return "en".equals(language) ? "response" : "响应时限";
			case RESOLUTION:
				return "en".equals(language) ? "resolution" : "解决时限";
			default:
				return "en".equals(language) ? "group (OLA)" : "处理组时限（OLA）";
		}
	}

	public String messageKey() {
		return "sla.kind." + name();
	}

	/** Whether the clock is part of the service level promised to the user. */
	public boolean promised() {
		return this != OLA;
	}

}
