package org.yunwei.change;

/**
 * The three kinds of change, each on its own workflow (a variant of the change type's):
 * standard (from a pre-approved template), normal (assessed and approved by risk) and
 * emergency (implemented at once, ratified afterwards by the emergency board).
 */
public enum ChangeType {

	STANDARD("standard"), NORMAL(""), EMERGENCY("emergency");

	private final String variant;

	ChangeType(String variant) {
		this.variant = variant;
	}

	/** The workflow variant of the change type its changes run on ("" the type's own). */
	public String variant() {
		return this.variant;
	}

	public String messageKey() {
		return "change.type." + name();
	}

}
