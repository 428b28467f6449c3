package org.yunwei.servicedesk;

import java.util.List;

import org.yunwei.workitem.JournalEntryView;
import org.yunwei.workitem.TransitionView;
import org.yunwei.workitem.WorkItemView;

/**
 * A ticket as its requester follows it on the portal: the record, its public journal,
 * what they may do now, the channel, their rating, and for a request raised from the
 * catalogue, the item and the answers given on its form.
 */
public record TicketView(TicketKind kind, WorkItemView item, List<JournalEntryView> journal,
		List<TransitionView> transitions, Channel channel, Satisfaction satisfaction, CatalogueItemView catalogueItem,
		List<Answer> answers) {

	/** A catalogue form's field and the value given, as people read it. */
	public record Answer(String code, String label, String value) {
	}

	/**
	 * Whether the result waits for the requester: the workflow offers them its
	 * {@code accept} transition now.
	 */
	public boolean awaitingMe() {
		return this.transitions.stream().anyMatch((t) -> ServiceDesk.ACCEPT.equals(t.name()));
	}

	/** Whether the requester may still withdraw the ticket. */
	public boolean cancellable() {
		return this.transitions.stream().anyMatch((t) -> ServiceDesk.CANCEL.equals(t.name()));
	}

}
