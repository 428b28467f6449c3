package org.yunwei.workitem.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemFields;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * {@code {"type": "setField", "params": {"field": "assignee", "value": "me"}}}: sets a
 * standard field when the transition is taken ({@code me} and {@code requester} name
 * people; an empty value clears the field).
 */
@Component
class SetFieldAction implements WorkflowActionHandler {

	@Override
	public String type() {
		return "setField";
	}

	@Override
	public void validate(Action action, String field, org.yunwei.workitem.WorkflowDefinition definition,
			List<Violation> violations) {
		String target = action.param("field");
		if (target == null || !WorkItemFields.SETTABLE.contains(target)) {
			violations.add(new Violation(field + ".params.field", "workflow.error.unknownField",
					List.of(String.valueOf(action.type()), String.valueOf(target))));
		}
	}

	@Override
	public void apply(Action action, TransitionContext context) {
		context.setField(action.param("field"), action.param("value"));
	}

}
