package org.yunwei.release;

/** The kinds of release, each with its own required steps in the release policy. */
public enum ReleaseType {

	MAJOR, MINOR, EMERGENCY;

	public String messageKey() {
		return "release.type." + name();
	}

}
