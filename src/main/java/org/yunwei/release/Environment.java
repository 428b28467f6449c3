package org.yunwei.release;

/** Where a release is tested or deployed. */
public enum Environment {

	DEV, TEST, UAT, STAGING, PRODUCTION;

	public String messageKey() {
		return "release.env." + name();
	}

}
