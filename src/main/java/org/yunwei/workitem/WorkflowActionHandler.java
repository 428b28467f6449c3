package org.yunwei.workitem;

import java.util.List;

import org.yunwei.platform.ValidationFailed.Violation;

/**
 * Carries out one type of workflow action ({@code setField}, {@code notify},
 * {@code slaStart} …). Modules contribute handlers as beans; a definition naming an
 * action type nobody handles is refused.
 */
public interface WorkflowActionHandler {

	/** The action type this handler carries out. */
	String type();

	/**
	 * Adds a violation for each bad parameter of the action (at {@code field}); the whole
	 * definition is given for actions that name its transitions or states.
	 */
	void validate(WorkflowDefinition.Action action, String field, WorkflowDefinition definition,
			List<Violation> violations);

	/**
	 * Carries out the action inside the transition's transaction; a failure rolls the
	 * transition back.
	 */
	void apply(WorkflowDefinition.Action action, TransitionContext context);

	/** A handler of an action without parameters: only what it does. */
	static WorkflowActionHandler of(String type,
			java.util.function.BiConsumer<WorkflowDefinition.Action, TransitionContext> apply) {
		return new WorkflowActionHandler() {
			@Override
			public String type() {
				return type;
			}

			@Override
			public void validate(WorkflowDefinition.Action action, String field, WorkflowDefinition definition,
					List<Violation> violations) {
			}

			@Override
			public void apply(WorkflowDefinition.Action action, TransitionContext context) {
				apply.accept(action, context);
			}
		};
	}

}
