package org.yunwei.workitem;

/**
 * Published when a work item is created, with whom it was assigned to on creation (null
 * when nobody).
 */
public record WorkItemCreated(long id, String type, String number, Long assigneeId) {
}
