package org.yunwei.workitem;

/** Published when a work item is created. */
public record WorkItemCreated(long id, String type, String number) {
}
