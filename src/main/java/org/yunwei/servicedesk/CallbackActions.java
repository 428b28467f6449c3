package org.yunwei.servicedesk;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.yunwei.workitem.TransitionContext;

/**
 * The bridge from the workflow actions to {@link Callbacks}, looked up when used: the
 * callbacks take transitions through the work-item kernel, which holds the actions.
 */
@Component
public class CallbackActions {

	private final ObjectProvider<Callbacks> callbacks;

	CallbackActions(ObjectProvider<Callbacks> callbacks) {
		this.callbacks = callbacks;
	}

	public void resolved(TransitionContext context) {
		this.callbacks.getObject().onResolved(context);
	}

	public void result(TransitionContext context, CallbackResult result) {
		this.callbacks.getObject().onResult(context, result);
	}

}
