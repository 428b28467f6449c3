package org.yunwei.servicedesk.internal;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.servicedesk.CallbackActions;
import org.yunwei.servicedesk.CallbackResult;
import org.yunwei.servicedesk.Callbacks;
import org.yunwei.servicedesk.Catalogue;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * The callback task type, who may see and make callbacks, the rules page in the menu, and
 * the workflow actions {@code callback} (on resolving a ticket) and
 * {@code callbackResult} (on finishing a callback).
 */
@Configuration(proxyBeanMethods = false)
class CallbackSetup {

	static final WorkItemType CALLBACK = new WorkItemType(Callbacks.TYPE, "CB", Callbacks.TYPE,
			"workflows/callback.json", "telephone-outbound");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "SERVICE_DESK_AGENT");

	@Bean
	WorkItemType callbackType() {
		return CALLBACK;
	}

	@Bean
	PermissionContributor callbackPermissions() {
		return () -> List.of(new PermissionDefinition(CALLBACK.readPermission(), "servicedesk", null, READERS),
				new PermissionDefinition(CALLBACK.writePermission(), "servicedesk", null, WORKERS));
	}

	@Bean
	NavContributor callbackNavigation() {
		return () -> List.of(new NavItem(NavArea.SERVICE_DESK, "nav.callbackRules", "/catalogue/callback-rules",
				"telephone-outbound", Catalogue.MANAGE));
	}

	@Bean
	WorkflowActionHandler callbackAction(CallbackActions actions) {
		return new WorkflowActionHandler() {

			@Override
			public String type() {
				return "callback";
			}

			@Override
			public void validate(Action action, String field, WorkflowDefinition definition,
					List<Violation> violations) {
			}

			@Override
			public void apply(Action action, TransitionContext context) {
				actions.resolved(context);
			}

		};
	}

	@Bean
	WorkflowActionHandler callbackResultAction(CallbackActions actions) {
		return new WorkflowActionHandler() {

			@Override
			public String type() {
				return "callbackResult";
			}

			@Override
			public void validate(Action action, String field, WorkflowDefinition definition,
					List<Violation> violations) {
				try {
					CallbackResult.valueOf(String.valueOf(action.param("result")));
				}
				catch (IllegalArgumentException ex) {
					violations.add(new Violation(field + ".params.result", "callback.error.result",
							List.of(String.valueOf(action.param("result")))));
				}
			}

			@Override
			public void apply(Action action, TransitionContext context) {
				actions.result(context, CallbackResult.valueOf(action.param("result")));
			}

		};
	}

}
