package org.yunwei.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A capacity plan: title, owner, period, content, the capacity records it covers and,
 * once approved, the forecast it made for each, frozen.
 */
public record CapacityPlanView(long id, int version, String title, Long ownerId, String ownerName, LocalDate periodFrom,
		LocalDate periodTo, String content, String state, String approvedBy, Instant approvedAt,
		List<Covered> metrics) {

	/** A record the plan covers, with the values its frozen forecast predicts. */
	public record Covered(long metricId, String name, String unit, List<Predicted> predicted) {
	}

	/** A month-end prediction and, once the month has passed, what was measured. */
	public record Predicted(LocalDate monthEnd, java.math.BigDecimal predicted, java.math.BigDecimal actual) {
	}

	public boolean approved() {
		return "APPROVED".equals(this.state);
	}

	/**
	 * Whether the plan has every element a capacity plan needs: an owner, a period,
	 * content, at least one capacity record with its forecast, and approval.
	 */
	public boolean complete() {
		return this.ownerId != null && this.periodFrom != null && this.periodTo != null && this.content != null
				&& !this.content.isBlank() && !this.metrics.isEmpty()
				&& this.metrics.stream().allMatch((m) -> !m.predicted().isEmpty()) && approved();
	}

}
