package org.yunwei.workitem.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.workitem.ApprovalMode;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * {@code {"type": "requestApproval", "params": {"mode": "ANY|ALL|SEQUENTIAL", "approvers":
 * "role:OM_HEAD" | "group:CAB" | "users:zhangsan,lisi", "approve": "<transition>",
 * "reject": "<transition>"}}}: asks the approvers; when they have decided, the workflow
 * takes the {@code approve} or {@code reject} transition by itself.
 */
@Component
class RequestApprovalAction implements WorkflowActionHandler {

	static final String TYPE = "requestApproval";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void validate(Action action, String field, WorkflowDefinition definition, List<Violation> violations) {
		try {
			ApprovalMode.valueOf(String.valueOf(action.param("mode")));
		}
		catch (IllegalArgumentException ex) {
			violations.add(new Violation(field + ".params.mode", "approval.error.mode",
					List.of(String.valueOf(action.param("mode")))));
		}
		String approvers = action.param("approvers");
		if (!ApprovalMode.isApprovers(approvers)) {
			violations.add(new Violation(field + ".params.approvers", "approval.error.approvers",
					List.of(String.valueOf(approvers))));
		}
		for (String key : List.of("approve", "reject")) {
			String name = action.param(key);
			if (name == null || definition.transition(name).isEmpty()) {
				violations.add(new Violation(field + ".params." + key, "approval.error.transition",
						List.of(key, String.valueOf(name))));
			}
		}
	}

	@Override
	public void apply(Action action, TransitionContext context) {
		context.requestApproval(ApprovalMode.valueOf(action.param("mode")), action.param("approvers"),
				action.param("approve"), action.param("reject"));
	}

}
