package org.yunwei.document;

import java.util.List;

/**
 * An SOP in effect, as the schedules that follow it see it: the steps of the version in
 * effect become the checklist of each routine task.
 */
public record Sop(long documentId, String number, String title, String label, List<String> steps) {
}
