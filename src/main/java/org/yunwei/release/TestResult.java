package org.yunwei.release;

/** The result of a test run of a release. */
public enum TestResult {

	PASSED, FAILED;

	public String messageKey() {
		return "release.test." + name();
	}

}
