package org.yunwei.change;

import java.time.Instant;
import java.util.List;

/**
 * Published when a change is approved (a normal change by its approvers, a standard one
 * when scheduled from its pre-approved template, an emergency one when ratified):
 * monitoring opens a maintenance window for its CIs from it.
 */
public record ChangeApproved(long itemId, String number, ChangeType type, List<Long> ciIds, Instant plannedStart,
		Instant plannedEnd) {
}
