package org.yunwei.workitem.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * {@code {"type": "createLinked", "params": {"itemType": "routine", "title":
 * "复查：{title}", "link": "PARENT_OF"}}}: creates a follow-up record (an anomaly found on
 * an inspection becomes its own task, a problem opens a change …) linked to this one.
 */
@Component
class CreateLinkedAction implements WorkflowActionHandler {

	private final WorkItemTypes types;

	CreateLinkedAction(WorkItemTypes types) {
		this.types = types;
	}

	@Override
	public String type() {
		return "createLinked";
	}

	@Override
	public void validate(Action action, String field, WorkflowDefinition definition, List<Violation> violations) {
		String itemType = action.param("itemType");
		if (itemType == null || this.types.all().stream().noneMatch((t) -> t.code().equals(itemType))) {
			violations.add(new Violation(field + ".params.itemType", "workflow.error.unknownType",
					List.of(String.valueOf(itemType))));
		}
		String title = action.param("title");
		if (title == null || title.isBlank() || title.length() > 150) {
			violations.add(new Violation(field + ".params.title", "workflow.error.linkedTitle", List.of()));
		}
		String link = action.param("link");
		if (link != null && kind(link) == null) {
			violations.add(new Violation(field + ".params.link", "workflow.error.linkKind", List.of(link)));
		}
	}

	@Override
	public void apply(Action action, TransitionContext context) {
		String link = action.param("link");
		context.createLinked(action.param("itemType"), action.param("title"),
				(link == null) ? LinkKind.RELATES_TO : kind(link));
	}

	private static LinkKind kind(String name) {
		try {
			return LinkKind.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
