package org.yunwei.servicedesk;

import java.time.Instant;

/** A ticket template or canned reply as the service desk sees it. */
public record DeskTemplateView(long id, int version, TemplateKind kind, String name, TicketKind ticketKind,
		String title, String body, Integer urgency, Integer impact, Long serviceId, String serviceName, boolean active,
		Instant updatedAt) {

	/**
	 * The text with its placeholders filled in: {@code {requester}}, {@code {number}},
	 * {@code {title}} and {@code {agent}} (a placeholder without a value is left empty).
	 */
	public String fill(String requester, String number, String title, String agent) {
		return this.body.replace("{requester}", (requester == null) ? "" : requester)
			.replace("{number}", (number == null) ? "" : number)
			.replace("{title}", (title == null) ? "" : title)
			.replace("{agent}", (agent == null) ? "" : agent);
	}

}
