package org.yunwei.servicelevel;

/** An escalation rule as lists and REST show it. */
public record EscalationRuleView(long id, int version, String name, EscalationTrigger onEvent, ClockKind clockKind,
		Long serviceId, String serviceName, Integer maxPriority, Long reassignTo, String reassignToName,
		boolean raisePriority, boolean active) {
}
