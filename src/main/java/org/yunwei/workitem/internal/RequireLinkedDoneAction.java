package org.yunwei.workitem.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * {@code {"type": "requireLinkedDone", "params": {"link": "PARENT_OF"}}}: refuses the
 * transition while a record this one links to with that kind (by default its tasks,
 * {@code PARENT_OF}) is not finished — a request is not fulfilled while one of its
 * fulfilment tasks is open.
 */
@Component
class RequireLinkedDoneAction implements WorkflowActionHandler {

	@Override
	public String type() {
		return "requireLinkedDone";
	}

	@Override
	public void validate(Action action, String field, WorkflowDefinition definition, List<Violation> violations) {
		String link = action.param("link");
		if (link != null && CreateLinkedAction.kind(link) == null) {
			violations.add(new Violation(field + ".params.link", "workflow.error.linkKind", List.of(link)));
		}
	}

	@Override
	public void apply(Action action, TransitionContext context) {
		String link = action.param("link");
		LinkKind kind = (link == null) ? LinkKind.PARENT_OF : CreateLinkedAction.kind(link);
		List<String> open = context.openLinked(kind);
		if (!open.isEmpty()) {
			throw new Conflict("workitem.error.linkedOpen", String.join(", ", open));
		}
	}

}
