package org.yunwei.servicelevel.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.Action;

/**
 * The workflow actions that drive SLA clocks: {@code slaStart} ({@code clock}: response
 * or resolution), {@code slaPause}, {@code slaResume}, {@code slaStop} ({@code clock}:
 * response, resolution or all) and {@code slaCancel}.
 */
@Configuration(proxyBeanMethods = false)
class SlaActions {

	@Bean
	WorkflowActionHandler slaStartAction(SlaEngine engine) {
		return new Handler("slaStart", List.of("response", "resolution"), true) {
			@Override
			public void apply(Action action, TransitionContext context) {
				engine.start(SlaEngine.Subject.of(context.item()), kind(action), context.now(),
						WorkflowDefinition.CREATE.equals(context.transition().name()));
			}
		};
	}

	@Bean
	WorkflowActionHandler slaPauseAction(SlaEngine engine) {
		return new Handler("slaPause", List.of(), false) {
			@Override
			public void apply(Action action, TransitionContext context) {
				engine.pause(context.item().id(), context.now());
			}
		};
	}

	@Bean
	WorkflowActionHandler slaResumeAction(SlaEngine engine) {
		return new Handler("slaResume", List.of(), false) {
			@Override
			public void apply(Action action, TransitionContext context) {
				engine.resume(context.item().id(), context.now());
			}
		};
	}

	@Bean
	WorkflowActionHandler slaStopAction(SlaEngine engine) {
		return new Handler("slaStop", List.of("response", "resolution", "all"), true) {
			@Override
			public void apply(Action action, TransitionContext context) {
				engine.stop(context.item().id(), "all".equals(action.param("clock")) ? null : kind(action),
						context.now());
			}
		};
	}

	@Bean
	WorkflowActionHandler slaCancelAction(SlaEngine engine) {
		return new Handler("slaCancel", List.of(), false) {
			@Override
			public void apply(Action action, TransitionContext context) {
				engine.cancel(context.item().id(), context.now());
			}
		};
	}

	/** Checks the {@code clock} parameter of the actions that take one. */
	private abstract static class Handler implements WorkflowActionHandler {

		private final String type;

		private final List<String> clocks;

		private final boolean clockRequired;

		Handler(String type, List<String> clocks, boolean clockRequired) {
			this.type = type;
			this.clocks = clocks;
			this.clockRequired = clockRequired;
		}

		@Override
		public String type() {
			return this.type;
		}

		@Override
		public void validate(Action action, String field, WorkflowDefinition definition, List<Violation> violations) {
			String clock = action.param("clock");
			if (this.clockRequired && (clock == null || !this.clocks.contains(clock))) {
				violations.add(new Violation(field + ".params.clock", "sla.error.clockParam",
						List.of(this.type, String.valueOf(clock), String.join(", ", this.clocks))));
			}
		}

		static ClockKind kind(Action action) {
			return ClockKind.valueOf(action.param("clock").toUpperCase(Locale.ROOT));
		}

	}

}
