package org.yunwei.workitem.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.workitem.WorkItemFields;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;
import org.yunwei.workitem.WorkflowDefinition.State;
import org.yunwei.workitem.WorkflowDefinition.Transition;

/**
 * Refuses a workflow that cannot work: no or several initial states, unknown states in a
 * transition, states nobody can reach, no end state, a state without a way out that is
 * not an end, duplicate names, unknown fields or actions.
 */
@Component
public class WorkflowValidator {

	private static final Pattern CODE = Pattern.compile("[a-z][a-zA-Z0-9_]{0,39}");

	private final Map<String, WorkflowActionHandler> handlers;

	WorkflowValidator(List<WorkflowActionHandler> handlers) {
		this.handlers = handlers.stream().collect(Collectors.toMap(WorkflowActionHandler::type, Function.identity()));
	}

	public Map<String, WorkflowActionHandler> handlers() {
		return this.handlers;
	}

	public List<Violation> validate(WorkflowDefinition def) {
		List<Violation> v = new ArrayList<>();
		if (def.states().isEmpty()) {
			v.add(violation("states", "workflow.error.noStates"));
			return v;
		}
		Set<String> codes = new HashSet<>();
		int initials = 0;
		for (int i = 0; i < def.states().size(); i++) {
			State s = def.states().get(i);
			String at = "states[" + i + "]";
			if (s.code() == null || !CODE.matcher(s.code()).matches()) {
				v.add(violation(at + ".code", "workflow.error.code", String.valueOf(s.code())));
			}
			else if (!codes.add(s.code())) {
				v.add(violation(at + ".code", "workflow.error.duplicateState", s.code()));
			}
			if (s.category() == null) {
				v.add(violation(at + ".category", "workflow.error.category", String.valueOf(s.code())));
			}
			if (s.starts()) {
				initials++;
			}
		}
		if (initials != 1) {
			v.add(violation("states", "workflow.error.initial", initials));
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < def.transitions().size(); i++) {
			Transition t = def.transitions().get(i);
			String at = "transitions[" + i + "]";
			if (t.name() == null || !CODE.matcher(t.name()).matches()) {
				v.add(violation(at + ".name", "workflow.error.code", String.valueOf(t.name())));
			}
			else if (!names.add(t.name())) {
				v.add(violation(at + ".name", "workflow.error.duplicateTransition", t.name()));
			}
			if (t.from().isEmpty()) {
				v.add(violation(at + ".from", "workflow.error.noFrom", String.valueOf(t.name())));
			}
			for (String from : t.from()) {
				if (!codes.contains(from)) {
					v.add(violation(at + ".from", "workflow.error.unknownState", String.valueOf(t.name()), from));
				}
			}
			if (t.to() == null || !codes.contains(t.to())) {
				v.add(violation(at + ".to", "workflow.error.unknownState", String.valueOf(t.name()),
						String.valueOf(t.to())));
			}
			for (String field : t.requiredFields()) {
				if (!WorkItemFields.REQUIRABLE.contains(field)) {
					v.add(violation(at + ".requiredFields", "workflow.error.unknownField", String.valueOf(t.name()),
							field));
				}
			}
			actions(def, t.name(), t.actions(), at + ".actions", v);
		}
		actions(def, WorkflowDefinition.CREATE, def.onCreate(), "onCreate", v);
		if (!v.isEmpty()) {
			return v;
		}
		boolean anyEnd = def.states().stream().anyMatch((s) -> s.category().isEnd());
		if (!anyEnd) {
			v.add(violation("states", "workflow.error.noEnd"));
		}
		Set<String> reached = reachable(def);
		for (int i = 0; i < def.states().size(); i++) {
			State s = def.states().get(i);
			if (!reached.contains(s.code())) {
				v.add(violation("states[" + i + "]", "workflow.error.unreachable", s.code()));
			}
			if (!s.category().isEnd() && def.from(s.code()).isEmpty()) {
				v.add(violation("states[" + i + "]", "workflow.error.deadEnd", s.code()));
			}
		}
		return v;
	}

	private void actions(WorkflowDefinition def, String owner, List<Action> actions, String at, List<Violation> v) {
		for (int j = 0; j < actions.size(); j++) {
			Action a = actions.get(j);
			String actionAt = at + "[" + j + "]";
			WorkflowActionHandler handler = (a.type() != null) ? this.handlers.get(a.type()) : null;
			if (handler == null) {
				v.add(violation(actionAt + ".type", "workflow.error.unknownAction", String.valueOf(owner),
						String.valueOf(a.type())));
			}
			else {
				handler.validate(a, actionAt, def, v);
			}
		}
	}

	private static Set<String> reachable(WorkflowDefinition def) {
		Set<String> seen = new HashSet<>();
		Deque<String> queue = new ArrayDeque<>();
		String start = def.initialState().code();
		queue.add(start);
		seen.add(start);
		while (!queue.isEmpty()) {
			String state = queue.poll();
			for (Transition t : def.from(state)) {
				if (seen.add(t.to())) {
					queue.add(t.to());
				}
			}
		}
		return seen;
	}

	private static Violation violation(String field, String key, Object... args) {
		return new Violation(field, key, List.of(args));
	}

}
