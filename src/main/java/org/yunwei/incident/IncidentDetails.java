package org.yunwei.incident;

import java.time.Instant;
import java.util.List;

/**
 * What incident management keeps about an incident beyond the kernel's record: its
 * category, resolution code and workaround, and — for a major incident — who declared it,
 * when and why, its communication log and its post-incident review.
 */
public record IncidentDetails(long itemId, int version, CategoryView category, ResolutionCode resolutionCode,
		String workaround, boolean major, String majorReason, String declaredBy, Instant declaredAt, Review review,
		List<Update> updates) {

	/** The post-incident review; {@code reviewedBy} is null until it is completed. */
	public record Review(String summary, String cause, String actions, String lessons, String reviewedBy,
			Instant reviewedAt) {

		public boolean done() {
			return this.reviewedAt != null;
		}

	}

	/** An entry of the communication log, and how many people it was sent to. */
	public record Update(long id, String message, int notified, String postedBy, Instant postedAt) {
	}

	public boolean reviewDone() {
		return this.review != null && this.review.done();
	}

}
