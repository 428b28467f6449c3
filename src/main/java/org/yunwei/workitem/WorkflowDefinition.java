package org.yunwei.workitem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow as its administrator writes it: states, and transitions between them with
 * who may take them, what must be filled in and what happens. Stored as JSON, one version
 * per save; a record keeps the version it started on. {@code onCreate} lists the actions
 * run when a record is created.
 */
public record WorkflowDefinition(List<State> states, List<Transition> transitions, List<Action> onCreate) {

	/** The name under which {@link #onCreate} actions run, as if a transition. */
	public static final String CREATE = "create";

	public WorkflowDefinition {
		states = (states == null) ? List.of() : List.copyOf(states);
		transitions = (transitions == null) ? List.of() : List.copyOf(transitions);
		onCreate = (onCreate == null) ? List.of() : List.copyOf(onCreate);
	}

	public WorkflowDefinition(List<State> states, List<Transition> transitions) {
		this(states, transitions, null);
	}

	/**
	 * The creation of a record as a transition into the initial state, carrying the
	 * {@link #onCreate} actions (e.g. starting the SLA clocks).
	 */
	public Transition creation() {
		return new Transition(CREATE, Map.of("zh", "新建", "en", "Create"), List.of(), initialState().code(), null, null,
				null, this.onCreate);
	}

	/**
	 * A state. {@code name} is per language ({@code zh}, {@code en}). Entering a state
	 * that {@code resolves} sets the resolved milestone; one that {@code closes} (or any
	 * state without a way out) sets the closed milestone.
	 */
	public record State(String code, Map<String, String> name, StateCategory category, Boolean initial,
			Boolean resolves, Boolean closes) {

		/** Whether new records start here. */
		public boolean starts() {
			return Boolean.TRUE.equals(this.initial);
		}

		public String label(String language) {
			return WorkflowDefinition.label(this.name, language, this.code);
		}

	}

	/**
	 * A transition from one of {@code from} to {@code to}. {@code allowed} says who may
	 * take it (anyone with write permission when absent); {@code requiredFields} must be
	 * filled once it is taken; {@code comment} "required" asks for a comment.
	 */
	public record Transition(String name, Map<String, String> label, List<String> from, String to, Allowed allowed,
			List<String> requiredFields, Boolean commentRequired, List<Action> actions) {

		public Transition {
			from = (from == null) ? List.of() : List.copyOf(from);
			requiredFields = (requiredFields == null) ? List.of() : List.copyOf(requiredFields);
			actions = (actions == null) ? List.of() : List.copyOf(actions);
		}

		public String label(String language) {
			return WorkflowDefinition.label(this.label, language, this.name);
		}

		public boolean needsComment() {
			return Boolean.TRUE.equals(this.commentRequired);
		}

	}

	/**
	 * Who may take a transition: any of the listed roles, the record's assignee, its
	 * requester, or a member of its assignment group.
	 */
	public record Allowed(List<String> roles, Boolean assignee, Boolean requester, Boolean group) {

		public Allowed {
			roles = (roles == null) ? List.of() : List.copyOf(roles);
		}

	}

	/**
	 * Something a transition does, handled by the {@link WorkflowActionHandler} of its
	 * type: e.g. {@code {"type": "setField", "field": "assignee", "value": "me"}}.
	 */
	public record Action(String type, Map<String, String> params) {

		public Action {
			params = (params == null) ? Map.of() : Map.copyOf(params);
		}

		public String param(String key) {
			return this.params.get(key);
		}

	}

	public Optional<State> state(String code) {
		return this.states.stream().filter((s) -> s.code().equals(code)).findFirst();
	}

	public Optional<Transition> transition(String name) {
		return this.transitions.stream().filter((t) -> t.name().equals(name)).findFirst();
	}

	public State initialState() {
		return this.states.stream()
			.filter(State::starts)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no initial state"));
	}

	/** The transitions that leave a state. */
	public List<Transition> from(String state) {
		List<Transition> out = new ArrayList<>();
		for (Transition t : this.transitions) {
			if (t.from().contains(state)) {
				out.add(t);
			}
		}
		return out;
	}

	/** Whether entering the state sets the resolved milestone. */
	public boolean resolves(State state) {
		return (state.resolves() != null) ? state.resolves() : state.category() == StateCategory.DONE;
	}

	/** Whether entering the state sets the closed milestone. */
	public boolean closes(State state) {
		return (state.closes() != null) ? state.closes() : from(state.code()).isEmpty();
	}

	static String label(Map<String, String> names, String language, String fallback) {
		if (names == null || names.isEmpty()) {
			return fallback;
		}
		String exact = names.get(language);
		if (exact != null && !exact.isBlank()) {
			return exact;
		}
		String zh = names.get("zh");
		return (zh != null && !zh.isBlank()) ? zh : names.values().iterator().next();
	}

}
