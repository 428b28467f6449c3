package org.yunwei.release;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.yunwei.workitem.StateCategory;

/**
 * A release as its page and REST show it: type and the policy that applies, version,
 * plans, the changes it groups, test results, authorisation, the deployment log, rollback
 * and early-life support.
 */
public record ReleaseView(long itemId, String number, String title, int version, ReleaseType type,
		String releaseVersion, String state, StateCategory stateCategory, Instant raisedAt, String releasePlan,
		String buildPlan, String testPlan, String acceptanceCriteria, String rollbackPlan, Instant plannedDeployAt,
		Instant authorisedAt, Instant deployedAt, DeploymentOutcome deploymentOutcome, Boolean rollbackUsed,
		Boolean testedBefore, Instant earlyLifeUntil, PolicyView policy, List<ChangeRef> changes, List<TestView> tests,
		List<DeploymentView> deployments) {

	/** A change the release groups. */
	public record ChangeRef(long id, String number, String title, String state) {
	}

	/** A test run: where, with what result, by whom and when. */
	public record TestView(long id, Environment environment, TestResult result, String summary, String executedBy,
			Instant executedAt) {
	}

	/** A deployment to an environment, as logged. */
	public record DeploymentView(long id, Environment environment, DeploymentOutcome outcome, boolean rollbackUsed,
			String log, String performedBy, Instant startedAt, Instant finishedAt) {
	}

	/** The plans by field name, in reading order. */
	public Map<String, String> plans() {
		Map<String, String> plans = new java.util.LinkedHashMap<>();
		plans.put("releasePlan", this.releasePlan);
		plans.put("buildPlan", this.buildPlan);
		plans.put("testPlan", this.testPlan);
		plans.put("acceptanceCriteria", this.acceptanceCriteria);
		plans.put("rollbackPlan", this.rollbackPlan);
		return plans;
	}

	/** The latest result per environment the release was tested in. */
	public Map<Environment, TestView> latestTests() {
		Map<Environment, TestView> latest = new java.util.EnumMap<>(Environment.class);
		for (TestView t : this.tests) {
			TestView seen = latest.get(t.environment());
			if (seen == null || !t.executedAt().isBefore(seen.executedAt())) {
				latest.put(t.environment(), t);
			}
		}
		return latest;
	}

	/** Whether the plan may still be edited: before authorisation. */
	public boolean planEditable() {
		return this.authorisedAt == null && !this.stateCategory.isEnd() && !"authorisation".equals(this.state);
	}

	/** Whether tests may be recorded: while it is built and tested. */
	public boolean testing() {
		return "building".equals(this.state);
	}

	/** Whether deployments may be logged: once authorised, while it is deployed. */
	public boolean deploying() {
		return "deploying".equals(this.state);
	}

}
