package org.yunwei.cmdb;

/**
 * What change management says of a change a CMDB edit names: whether it may update the
 * CMDB now, and whether it was approved (so that it explains a difference a configuration
 * audit finds). Change management provides it; without it any change number is taken at
 * its word.
 */
public interface ChangeAuthority {

	/**
	 * Null when the change may record CMDB updates now (it is approved and not finished);
	 * otherwise the message key of why not, with the number as its argument.
	 */
	String refusal(String changeNumber);

	/** Whether the change was approved (or, for an emergency, ratified). */
	boolean approved(String changeNumber);

}
