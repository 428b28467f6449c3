package org.yunwei.change;

import java.time.Instant;

/** A standard-change template: pre-approved, with its plans. */
public record TemplateView(long id, int version, String code, String name, String description, ChangeCategory category,
		String implementationPlan, String backoutPlan, String testPlan, boolean active, String approvedBy,
		Instant approvedAt) {
}
