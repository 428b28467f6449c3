package org.yunwei.workitem;

import java.time.Instant;

import org.yunwei.platform.identity.CurrentUser;

/** What a workflow action sees and may change while a transition is taken. */
public interface TransitionContext {

	/** The record, as it is at this point of the transition. */
	WorkItemView item();

	WorkflowDefinition.Transition transition();

	/**
	 * Who takes the transition; empty for the system (a scheduled job, an escalation).
	 */
	java.util.Optional<CurrentUser> actor();

	Instant now();

	/** The comment given with the transition ({@code null}: none, or on creation). */
	String comment();

	/**
	 * Sets a standard field ({@code assignee}, {@code group}, {@code impact},
	 * {@code urgency}, {@code dueAt} …) as text, recorded in the journal like any change.
	 */
	void setField(String field, String value);

	/**
	 * Creates a record of another (or the same) type for the same requester, service and
	 * urgency, and the same group unless one is given, on behalf of the person taking the
	 * transition (the workflow is what allows it), and links this record to it.
	 * {@code {number}} and {@code {title}} in the title are this record's.
	 * @return the new record's number
	 */
	String createLinked(String type, String title, LinkKind kind, Long groupId);

	/**
	 * The numbers of the records this one links to with that kind (its tasks, for
	 * {@code PARENT_OF}) that are not finished yet.
	 */
	java.util.List<String> openLinked(LinkKind kind);

	/**
	 * Asks for an approval of the record: {@code approvers} is {@code role:<code>},
	 * {@code group:<code>} or {@code users:<username>,…} (see
	 * {@link ApprovalMode#isApprovers}); when they have decided, the workflow takes the
	 * {@code approve} or {@code reject} transition by itself. Refused when nobody answers
	 * to {@code approvers}.
	 */
	void requestApproval(ApprovalMode mode, String approvers, String approve, String reject);

}
