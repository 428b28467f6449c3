package org.yunwei.change;

/**
 * A change's risk, from its questionnaire; it decides who approves (8.3.6 c, grading).
 */
public enum RiskLevel {

	LOW, MEDIUM, HIGH;

	public String messageKey() {
		return "change.risk." + name();
	}

}
