package org.yunwei.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.yunwei.cmdb.CiRef;
import org.yunwei.workitem.StateCategory;

/**
 * A change as its page and REST show it: type, category, template, risk and the answers
 * behind it, plans, window, approval, outcome and post-implementation review, with the
 * services its CIs support (frozen at submission, live before).
 */
public record ChangeView(long itemId, String number, String title, int version, ChangeType type,
		ChangeCategory category, String templateCode, String templateName, String state, StateCategory stateCategory,
		Instant raisedAt, RiskLevel risk, Integer riskScore, Map<String, Integer> answers, String impactAssessment,
		String implementationPlan, String backoutPlan, String testPlan, Instant plannedStart, Instant plannedEnd,
		Instant submittedAt, String approvalRoute, Instant approvedAt, String ratification, Instant actualStart,
		Instant actualEnd, ChangeOutcome outcome, String outcomeNotes, String outcomeBy, Instant outcomeAt,
		Boolean pirObjectivesMet, String pir, String pirBy, Instant pirAt, List<Long> ciIds,
		List<CiRef> affectedServices) {

	/** Whether the plan may still be edited: not yet approved nor started. */
	public boolean planEditable() {
		return this.approvedAt == null && this.actualStart == null && this.outcome == null
				&& (this.stateCategory == StateCategory.NEW || this.stateCategory == StateCategory.ACTIVE);
	}

	/** Whether the outcome may be recorded: the implementation is under way. */
	public boolean outcomeOpen() {
		return "implementing".equals(this.state);
	}

	/** Whether the post-implementation review may be written. */
	public boolean reviewOpen() {
		return "review".equals(this.state);
	}

	/** Whether the window and plans are what the change needs before it goes ahead. */
	public boolean planned() {
		return this.plannedStart != null && this.plannedEnd != null && filled(this.implementationPlan)
				&& filled(this.backoutPlan) && (this.type == ChangeType.EMERGENCY || filled(this.testPlan));
	}

	/** The assessment and plans by field name, in reading order. */
	public Map<String, String> plans() {
		Map<String, String> plans = new java.util.LinkedHashMap<>();
		plans.put("impactAssessment", this.impactAssessment);
		plans.put("implementationPlan", this.implementationPlan);
		plans.put("backoutPlan", this.backoutPlan);
		plans.put("testPlan", this.testPlan);
		return plans;
	}

	private static boolean filled(String s) {
		return s != null && !s.isBlank();
	}

}
