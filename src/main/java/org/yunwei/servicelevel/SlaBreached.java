package org.yunwei.servicelevel;

import java.time.Instant;

/** Published when a clock passes its target. */
public record SlaBreached(long itemId, String itemType, ClockKind kind, Long groupId, Instant breachedAt) {
}
