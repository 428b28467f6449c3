package org.yunwei.workitem;

import java.time.Instant;

/**
 * A saved version of a type's workflow (or of a variant of it, {@code ""} for the type's
 * own), with its definition as JSON and parsed.
 */
public record WorkflowView(long id, String type, String variant, int version, String json,
		WorkflowDefinition definition, Instant createdAt, String createdBy) {
}
