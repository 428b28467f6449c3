package org.yunwei.change;

import java.time.Instant;
import java.util.List;

/** Published when a change's implementation is finished, with its outcome. */
public record ChangeImplemented(long itemId, String number, ChangeType type, ChangeOutcome outcome, List<Long> ciIds,
		Instant actualStart, Instant actualEnd) {
}
