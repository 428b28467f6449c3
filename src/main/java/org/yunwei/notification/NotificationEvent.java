package org.yunwei.notification;

import java.util.List;

/**
 * The events people are told about, each with its placeholders: {@code {number}},
 * {@code {title}}, {@code {link}} for all, and the event's own.
 */
public enum NotificationEvent {

	/** A clock passed its warning share: {@code {clock}}, {@code {due}}. */
	SLA_WARNING("sla.warning", List.of("clock", "due", "group", "assignee")),

	/** A clock passed its target: {@code {clock}}, {@code {due}}. */
	SLA_BREACH("sla.breach", List.of("clock", "due", "group", "assignee")),

	/** A record was assigned to someone: {@code {by}}. */
	ASSIGNED("workitem.assigned", List.of("by", "priority")),

	/**
	 * A transition whose workflow says to notify ({@code notify} action) or to call a
	 * webhook ({@code callWebhook}): {@code {action}}, {@code {by}}, {@code {comment}}.
	 */
	TRANSITIONED("workitem.transitioned", List.of("action", "by", "priority", "group", "assignee")),

	/**
	 * An approval step became someone's turn: {@code {by}}, {@code {behalf}} (for a
	 * delegate), {@code {decideLink}} (signed, personal; chat groups get the record's
	 * link instead) and {@code {validity}}.
	 */
	APPROVAL_REQUESTED("approval.requested", List.of("by", "behalf", "decideLink", "validity")),

	/**
	 * A ticket raised through a channel (e-mail, phone, another system) was received:
	 * {@code {channel}}. The subject keeps the number, so a reply threads to the ticket.
	 */
	TICKET_RECEIVED("ticket.received", List.of("channel", "group")),

	/** An incident was declared a major incident: {@code {by}}, {@code {reason}}. */
	MAJOR_INCIDENT("incident.major", List.of("by", "reason", "priority", "group", "assignee")),

	/** An update of a major incident was posted: {@code {by}}, {@code {message}}. */
	MAJOR_INCIDENT_UPDATE("incident.majorUpdate", List.of("by", "message", "group", "assignee")),

	/**
	 * Someone is asked to answer a satisfaction survey: {@code {closes}}; {@code {link}}
	 * is the questionnaire.
	 */
	SURVEY_INVITED("survey.invited", List.of("closes"));

	private final String code;

	private final List<String> placeholders;

	NotificationEvent(String code, List<String> placeholders) {
		this.code = code;
		this.placeholders = placeholders;
	}

	public String code() {
		return this.code;
	}

	public List<String> placeholders() {
		return this.placeholders;
	}

	/** The event's own placeholders as written in a template: {@code {clock} {due} …}. */
	public String placeholderHint() {
		return String.join(" ", this.placeholders.stream().map((p) -> "{" + p + "}").toList());
	}

	public String messageKey() {
		return "notification.event." + this.code;
	}

	public static NotificationEvent of(String code) {
		for (NotificationEvent e : values()) {
			if (e.code.equals(code)) {
				return e;
			}
		}
		throw org.yunwei.platform.NotFound.of("notificationEvent", code);
	}

}
