package org.yunwei.servicedesk;

/** How a ticket reached the service desk (8.4.2 a). */
public enum Channel {

	PORTAL, PHONE, EMAIL, API, AGENT;

	public String messageKey() {
		return "servicedesk.channel." + name();
	}

}
