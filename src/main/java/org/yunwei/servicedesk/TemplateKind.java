package org.yunwei.servicedesk;

/** What a service-desk template is for. */
public enum TemplateKind {

	/** Fills the intake form of a ticket (a phone call about a familiar fault). */
	TICKET,
	/** A reply the agent puts in a comment. */
	REPLY;

	public String messageKey() {
		return "desk.template.kind." + name();
	}

}
