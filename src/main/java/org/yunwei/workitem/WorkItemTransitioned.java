package org.yunwei.workitem;

/** Published when a work item changes state. */
public record WorkItemTransitioned(long id, String type, String number, String transition, String from, String to,
		StateCategory toCategory) {
}
