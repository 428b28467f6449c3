package org.yunwei.workitem.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * {@code {"type": "createLinked", "params": {"itemType": "routine", "title":
 * "复查：{title}", "link": "PARENT_OF", "group": "DESKTOP"}}}: creates a follow-up record
 * (an anomaly found on an inspection becomes its own task, a fulfilment task of a
 * request, a problem opens a change …) linked to this one, for the group of that code
 * when one is named (else this record's).
 */
@Component
class CreateLinkedAction implements WorkflowActionHandler {

	private final WorkItemTypes types;

	private final Directory directory;

	CreateLinkedAction(WorkItemTypes types, Directory directory) {
		this.types = types;
		this.directory = directory;
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
		String group = action.param("group");
		if (group != null && !group.matches("[A-Za-z0-9_.-]{1,40}")) {
			violations.add(new Violation(field + ".params.group", "workflow.error.groupCode", List.of(group)));
		}
	}

	@Override
	public void apply(Action action, TransitionContext context) {
		String link = action.param("link");
		String group = action.param("group");
		Long groupId = null;
		if (group != null) {
			groupId = this.directory.findGroup(group)
				.orElseThrow(() -> new ValidationFailed("group", "workflow.error.unknownGroup", group));
		}
		context.createLinked(action.param("itemType"), action.param("title"),
				(link == null) ? LinkKind.RELATES_TO : kind(link), groupId);
	}

	static LinkKind kind(String name) {
		try {
			return LinkKind.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
