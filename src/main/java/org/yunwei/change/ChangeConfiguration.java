package org.yunwei.change;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.cmdb.ChangeAuthority;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.workitem.ApprovalMode;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;

/**
 * The change and change-task work-item types and their permissions; the workflows of
 * standard and emergency changes (variants of the change type's); the change panel in the
 * main column of a change's page; the menu; the workflow actions the change workflows
 * call; what the CMDB asks of a change number.
 */
@Configuration(proxyBeanMethods = false)
class ChangeConfiguration {

	static final WorkItemType CHANGE = new WorkItemType(Changes.TYPE, "CHG", "change", "workflows/change.json",
			"arrow-left-right", "/changes/new");

	static final WorkItemType TASK = new WorkItemType(Changes.TASK_TYPE, "CTK", "change", "workflows/changetask.json",
			"list-check");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER");

	private static final Set<String> MANAGERS = Set.of("OM_HEAD", "OM_MANAGER");

	@Bean
	WorkItemType changeType() {
		return CHANGE;
	}

	@Bean
	WorkItemType changeTaskType() {
		return TASK;
	}

	@Bean
	PermissionContributor changePermissions() {
		return () -> List.of(new PermissionDefinition(Changes.READ, "change", null, READERS),
				new PermissionDefinition(Changes.WRITE, "change", null, WORKERS),
				new PermissionDefinition(Changes.MANAGE, "change", null, MANAGERS));
	}

	@Bean
	NavContributor changeNavigation() {
		return () -> List.of(
				new NavItem(NavArea.PROCESSES, "nav.changeCalendar", "/changes/calendar", "calendar-week",
						Changes.READ),
				new NavItem(NavArea.PROCESSES, "nav.changeTemplates", "/changes/templates", "file-earmark-check",
						Changes.READ),
				new NavItem(NavArea.PROCESSES, "nav.changeFreezes", "/changes/freezes", "snow", Changes.READ));
	}

	@Bean
	WorkItemPanel changePanel() {
		return WorkItemPanel.ofType(Changes.TYPE, "/changes/panel/", true);
	}

	@Bean
	ChangeAuthority changeAuthority(ObjectProvider<Changes> changes) {
		return new ChangeAuthority() {
			@Override
			public String refusal(String changeNumber) {
				return changes.getObject().cmdbRefusal(changeNumber);
			}

			@Override
			public boolean approved(String changeNumber) {
				return changes.getObject().cmdbApproved(changeNumber);
			}
		};
	}

	// ---- the workflow actions of the change workflows

	@Bean
	WorkflowActionHandler changeReadyAction(ObjectProvider<Changes> changes) {
		return WorkflowActionHandler.of("changeReady", (a, context) -> changes.getObject().ready(context));
	}

	@Bean
	WorkflowActionHandler changeApprovedAction(ObjectProvider<Changes> changes) {
		return WorkflowActionHandler.of("changeApproved", (a, context) -> changes.getObject().approved(context));
	}

	@Bean
	WorkflowActionHandler changeRefusedAction(ObjectProvider<Changes> changes) {
		return WorkflowActionHandler.of("changeRefused", (a, context) -> changes.getObject().refused(context));
	}

	@Bean
	WorkflowActionHandler changeStartedAction(ObjectProvider<Changes> changes) {
		return WorkflowActionHandler.of("changeStarted", (a, context) -> changes.getObject().started(context));
	}

	@Bean
	WorkflowActionHandler changeImplementedAction(ObjectProvider<Changes> changes) {
		return WorkflowActionHandler.of("changeImplemented", (a, context) -> changes.getObject().implemented(context));
	}

	@Bean
	WorkflowActionHandler changeReviewedAction(ObjectProvider<Changes> changes) {
		return WorkflowActionHandler.of("changeReviewed", (a, context) -> changes.getObject().reviewed(context));
	}

	/**
	 * {@code {"type": "changeApproval", "params": {"low": "role:OM_MANAGER", "medium":
	 * "role:OM_HEAD", "high": "group:CAB", "mode": "ANY", "highMode": "ALL", "approve":
	 * "approve", "reject": "reject"}}}: the approvers the change's risk calls for.
	 */
	@Bean
	WorkflowActionHandler changeApprovalAction(ObjectProvider<Changes> changes) {
		return new WorkflowActionHandler() {
			@Override
			public String type() {
				return "changeApproval";
			}

			@Override
			public void validate(WorkflowDefinition.Action action, String field, WorkflowDefinition definition,
					List<Violation> violations) {
				for (String level : List.of("low", "medium", "high")) {
					if (!ApprovalMode.isApprovers(action.param(level))) {
						violations.add(new Violation(field + ".params." + level, "approval.error.approvers",
								List.of(String.valueOf(action.param(level)))));
					}
				}
				for (String key : List.of("mode", "highMode")) {
					String mode = action.param(key);
					if (mode == null && "highMode".equals(key)) {
						continue;
					}
					try {
						ApprovalMode.valueOf(String.valueOf(mode));
					}
					catch (IllegalArgumentException ex) {
						violations.add(new Violation(field + ".params." + key, "approval.error.mode",
								List.of(String.valueOf(mode))));
					}
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
			public void apply(WorkflowDefinition.Action action, TransitionContext context) {
				changes.getObject().requestApproval(action, context);
			}
		};
	}

}
