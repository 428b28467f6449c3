package org.yunwei.release;

/** How a deployment to an environment ended. */
public enum DeploymentOutcome {

	SUCCEEDED, FAILED, ROLLED_BACK;

	public String messageKey() {
		return "release.deployment." + name();
	}

}
