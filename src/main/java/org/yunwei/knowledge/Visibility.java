package org.yunwei.knowledge;

/**
 * Who may read a published article: everyone signed in (the portal's users too), IT staff
 * holding {@code knowledge:read}, or the members of chosen groups.
 */
public enum Visibility {

	PUBLIC, INTERNAL, GROUP;

	public String messageKey() {
		return "knowledge.visibility." + name();
	}

}
