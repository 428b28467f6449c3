package org.yunwei.release;

import java.time.Instant;
import java.util.List;

/**
 * The release policy for a type: the environments its tests must pass in before it is
 * authorised, whether acceptance and a rollback plan are required, and how long
 * early-life support lasts.
 */
public record PolicyView(ReleaseType type, int version, List<Environment> testEnvironments, boolean acceptanceRequired,
		boolean rollbackRequired, int earlyLifeDays, String description, String updatedBy, Instant updatedAt) {
}
