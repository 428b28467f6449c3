package org.yunwei.platform.web;

/**
 * The left navigation's sections, grouped by the areas of the standard, in display order.
 */
public enum NavArea {

	SERVICE_DESK, PROCESSES, CONFIGURATION, MONITORING, CONTINUITY, PEOPLE, GOVERNANCE, SYSTEM;

	public String messageKey() {
		return "nav.area." + name();
	}

}
