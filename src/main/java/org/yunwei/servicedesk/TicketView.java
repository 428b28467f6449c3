package org.yunwei.servicedesk;

import java.util.List;

import org.yunwei.workitem.JournalEntryView;
import org.yunwei.workitem.TransitionView;
import org.yunwei.workitem.WorkItemView;

/**
 * A ticket as its requester follows it on the portal: the record, its public journal,
 * what they may do now, the channel and their rating.
 */
public record TicketView(TicketKind kind, WorkItemView item, List<JournalEntryView> journal,
		List<TransitionView> transitions, Channel channel, Satisfaction satisfaction) {

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
