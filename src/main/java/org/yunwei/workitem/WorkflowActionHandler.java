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

}
