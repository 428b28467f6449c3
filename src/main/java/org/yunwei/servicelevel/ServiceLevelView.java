package org.yunwei.servicelevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service's level agreement (8.3.1 c): objective, scope, service hours, content, the
 * measurable effect promised and the security requirements, on a business calendar, with
 * targets per priority in working minutes.
 */
public record ServiceLevelView(long id, int version, long calendarId, String calendarName, String objective,
		String scope, String serviceHours, String content, String effect, String security,
		BigDecimal availabilityTarget, int warnPercent, LocalDate effectiveFrom, LocalDate reviewDue,
		List<Target> targets, Instant updatedAt) {

	/** The targets of one priority (null when none is set). */
	public record Target(int priority, Integer responseMinutes, Integer resolutionMinutes) {
	}

	/** Whether every element 8.3.1 c names is stated and at least one target is set. */
	@JsonProperty
	public boolean complete() {
		return filled(this.objective) && filled(this.scope) && filled(this.serviceHours) && filled(this.content)
				&& filled(this.effect) && filled(this.security)
				&& this.targets.stream().anyMatch((t) -> t.resolutionMinutes() != null);
	}

	public Target target(int priority) {
		return this.targets.stream()
			.filter((t) -> t.priority() == priority)
			.findFirst()
			.orElse(new Target(priority, null, null));
	}

	private static boolean filled(String s) {
		return s != null && !s.isBlank();
	}

}
