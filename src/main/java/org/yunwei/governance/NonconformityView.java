package org.yunwei.governance;

import java.time.Instant;
import java.util.List;

import org.yunwei.workitem.WorkItemBrief;

/**
 * A nonconformity's record beside its work item: where it came from (an indicator below
 * target for a period, an audit finding, a management review, a complaint, a self-check),
 * the clause, the cause, the correction, the corrective and preventive action, the
 * department answering for it, its actions (work items of type {@code capa}) and the
 * verification of their effectiveness.
 */
public record NonconformityView(long itemId, String number, int version, Source source, String indicatorCode,
		String indicatorPeriod, String clause, String cause, String correction, String correctiveAction,
		String preventiveAction, Long departmentId, String departmentName, List<WorkItemBrief> actions,
		Instant firstVerifiedAt, Boolean firstEffective, String verifiedBy, Instant verifiedAt, String verification,
		Boolean effective) {

	/** Where a nonconformity came from. */
	public enum Source {

		INDICATOR, AUDIT, REVIEW, SELF_CHECK, COMPLAINT, OTHER;

		public String messageKey() {
			return "nonconformity.source." + name();
		}

	}

	/** The elements 10.1 and 10.2 ask a record to have, and which of them it lacks. */
	public List<String> missing(boolean hasOwner, boolean hasDeadline) {
		List<String> out = new java.util.ArrayList<>();
		if (this.clause == null) {
			out.add("clause");
		}
		if (org.yunwei.platform.Texts.blank(this.cause)) {
			out.add("cause");
		}
		if (org.yunwei.platform.Texts.blank(this.correctiveAction)) {
			out.add("correctiveAction");
		}
		if (this.departmentId == null) {
			out.add("department");
		}
		if (!hasOwner) {
			out.add("owner");
		}
		if (!hasDeadline) {
			out.add("deadline");
		}
		if (this.actions.isEmpty()) {
			out.add("actions");
		}
		if (org.yunwei.platform.Texts.blank(this.verification)) {
			out.add("verification");
		}
		return out;
	}

}
