package org.yunwei.servicedesk;

import java.time.Instant;

/**
 * Which resolved tickets get a callback: those of a kind, a priority and a service; a
 * {@code null} matches any.
 */
public record CallbackRule(long id, TicketKind kind, Integer priority, Long serviceId, String serviceName,
		String createdBy, Instant createdAt) {

	public boolean matches(TicketKind kind, int priority, Long serviceId) {
		return (this.kind == null || this.kind == kind) && (this.priority == null || this.priority == priority)
				&& (this.serviceId == null || this.serviceId.equals(serviceId));
	}

}
