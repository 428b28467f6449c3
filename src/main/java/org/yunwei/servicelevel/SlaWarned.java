package org.yunwei.servicelevel;

import java.time.Instant;

/** Published when a clock passes its warning share of the target. */
public record SlaWarned(long itemId, String itemType, ClockKind kind, Long groupId, Instant dueAt) {
}
