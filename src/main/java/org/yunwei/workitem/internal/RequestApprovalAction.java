package org.yunwei.workitem.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.Directory;
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

	private final Directory directory;

	private final ApprovalEngine engine;

	RequestApprovalAction(Directory directory, ApprovalEngine engine) {
		this.directory = directory;
		this.engine = engine;
	}

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
		if (approvers == null || !approvers.matches("(role|group):[A-Za-z0-9_.-]+|users:[A-Za-z0-9_.@,-]+")) {
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
		List<Long> approvers = resolve(action.param("approvers"));
		if (approvers.isEmpty()) {
			throw new ValidationFailed(null, "approval.error.noApprovers", action.param("approvers"));
		}
		this.engine.request(context.item().id(), context.actor().map((u) -> u.username()).orElse("system"),
				ApprovalMode.valueOf(action.param("mode")), approvers, action.param("approve"), action.param("reject"),
				context.now());
	}

	private List<Long> resolve(String spec) {
		String[] parts = spec.split(":", 2);
		switch (parts[0]) {
			case "role":
				return this.directory.usersWithRole(parts[1]);
			case "group":
				return this.directory.groupMembers(parts[1]);
			default:
				Set<Long> ids = new LinkedHashSet<>();
				for (String username : parts[1].split(",")) {
					this.directory.userId(username.strip()).ifPresent(ids::add);
				}
				return new ArrayList<>(ids);
		}
	}

}
