package org.yunwei.workitem;

import java.time.Instant;

/**
 * One point of a work item's checklist: what to check, whether it is done, the result
 * noted, whether it was found abnormal, and the item opened for the anomaly.
 */
public record ChecklistPoint(int seq, String text, boolean done, String result, boolean anomaly, String linkedNumber,
		String doneByName, Instant doneAt) {
}
