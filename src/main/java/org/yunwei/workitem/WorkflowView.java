package org.yunwei.workitem;

import java.time.Instant;

/** A saved version of a type's workflow, with its definition as JSON and parsed. */
public record WorkflowView(long id, String type, int version, String json, WorkflowDefinition definition,
		Instant createdAt, String createdBy) {
}
