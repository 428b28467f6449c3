package org.yunwei.document.internal;

import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.document.DocumentManagement;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkflowActionHandler;
import org.yunwei.workitem.WorkflowDefinition;

/**
 * The workflow actions through which documents follow their work items:
 * {@code documentPublish} and {@code documentReject} on a {@code docapproval} record,
 * {@code documentReviewed} and {@code documentRevise} on a {@code docreview} record. The
 * facade is looked up when an action runs (the kernel's facade needs the handlers first).
 */
@Configuration(proxyBeanMethods = false)
class DocumentActions {

	@Bean
	WorkflowActionHandler documentPublish(ObjectProvider<DocumentManagement> documents) {
		return handler("documentPublish", documents,
				(d, c) -> d.approved(c.item().id(), c.actor().map((u) -> u.id()).orElse(null)));
	}

	@Bean
	WorkflowActionHandler documentReject(ObjectProvider<DocumentManagement> documents) {
		return handler("documentReject", documents, (d, c) -> d.rejected(c.item().id()));
	}

	@Bean
	WorkflowActionHandler documentReviewed(ObjectProvider<DocumentManagement> documents) {
		return handler("documentReviewed", documents, (d, c) -> d.reviewed(c.item().id()));
	}

	@Bean
	WorkflowActionHandler documentRevise(ObjectProvider<DocumentManagement> documents) {
		return handler("documentRevise", documents, (d, c) -> d.revise(c.item().id()));
	}

	private static WorkflowActionHandler handler(String type, ObjectProvider<DocumentManagement> documents,
			BiConsumer<DocumentManagement, TransitionContext> action) {
		return new WorkflowActionHandler() {
			@Override
			public String type() {
				return type;
			}

			@Override
			public void validate(WorkflowDefinition.Action a, String field, WorkflowDefinition definition,
					List<Violation> violations) {
				// no parameters
			}

			@Override
			public void apply(WorkflowDefinition.Action a, TransitionContext context) {
				action.accept(documents.getObject(), context);
			}
		};
	}

}
