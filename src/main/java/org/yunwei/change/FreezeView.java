package org.yunwei.change;

import java.time.Instant;

/** A freeze window: no standard or normal change may be scheduled in it. */
public record FreezeView(long id, String name, Instant startsAt, Instant endsAt, String reason, String createdBy) {

	public boolean overlaps(Instant start, Instant end) {
		return start != null && end != null && start.isBefore(this.endsAt) && this.startsAt.isBefore(end);
	}

}
