package org.yunwei.notification.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * The workflow actions of notifications: {@code notify} ({@code to}: a comma-separated
 * list of {@code assignee}, {@code requester}, {@code group}, {@code watchers},
 * {@code role:CODE}) and {@code callWebhook} ({@code endpoint}: the name of a configured
 * robot or webhook). Both only write to the outbox, so a channel that is down never stops
 * the transition.
 */
@Configuration(proxyBeanMethods = false)
class NotificationActions {

	private static final Logger log = LoggerFactory.getLogger(NotificationActions.class);

	private static final List<String> TARGETS = List.of("assignee", "requester", "group", "watchers");

	private static java.util.Map<String, String> labels(TransitionContext context) {
		return java.util.Map.of("zh", context.transition().label("zh"), "en", context.transition().label("en"));
	}

	@Bean
	WorkflowActionHandler notifyAction(Dispatcher dispatcher) {
		return new WorkflowActionHandler() {

			@Override
			public String type() {
				return "notify";
			}

			@Override
			public void validate(Action action, String field, WorkflowDefinition definition,
					List<Violation> violations) {
				String to = action.param("to");
				if (to == null || to.isBlank()) {
					violations.add(new Violation(field + ".params.to", "workflow.error.notifyTo", List.of("—")));
					return;
				}
				for (String t : to.split(",")) {
					String target = t.strip();
					if (!TARGETS.contains(target) && !(target.startsWith("role:") && target.length() > 5)) {
						violations.add(new Violation(field + ".params.to", "workflow.error.notifyTo", List.of(target)));
					}
				}
			}

			@Override
			public void apply(Action action, TransitionContext context) {
				dispatcher.transition(context.item().id(), labels(context),
						context.actor().map(CurrentUser::id).orElse(null), List.of(action.param("to").split(",")));
			}

		};
	}

	@Bean
	WorkflowActionHandler callWebhookAction(Dispatcher dispatcher) {
		return new WorkflowActionHandler() {

			@Override
			public String type() {
				return "callWebhook";
			}

			@Override
			public void validate(Action action, String field, WorkflowDefinition definition,
					List<Violation> violations) {
				String endpoint = action.param("endpoint");
				if (endpoint == null || endpoint.isBlank()) {
					violations
						.add(new Violation(field + ".params.endpoint", "workflow.error.webhookEndpoint", List.of()));
				}
			}

			@Override
			public void apply(Action action, TransitionContext context) {
				if (!dispatcher.webhook(context.item().id(), labels(context),
						context.actor().map(CurrentUser::id).orElse(null), action.param("endpoint"))) {
					log.warn("Workflow action callWebhook: no active endpoint named {}", action.param("endpoint"));
				}
			}

		};
	}

}
