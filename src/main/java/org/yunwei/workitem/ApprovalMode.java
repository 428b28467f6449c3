package org.yunwei.workitem;

/**
 * How the approvers of an approval decide: any one of them (a single approver, or a group
 * where one member suffices), all of them (a change advisory board that must agree), or
 * one after another in the listed order. A rejection always ends the approval.
 */
public enum ApprovalMode {

	ANY, ALL, SEQUENTIAL;

	/**
	 * Whether {@code spec} names approvers: {@code role:<code>}, {@code group:<code>} or
	 * {@code users:<username>,<username>…}.
	 */
	public static boolean isApprovers(String spec) {
		return spec != null && spec.matches("(role|group):[A-Za-z0-9_.-]+|users:[A-Za-z0-9_.@,-]+");
	}

	public String messageKey() {
		return "approval.mode." + name();
	}

}
