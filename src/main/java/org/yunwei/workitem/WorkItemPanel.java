package org.yunwei.workitem;

import java.util.Optional;

/**
 * A panel another module adds to a work item's page (e.g. its SLA clocks): the page loads
 * the panel's HTML fragment from {@link #url} and refreshes it every minute.
 */
public interface WorkItemPanel {

	/**
	 * The fragment's address for this record, or empty when the panel has nothing to
	 * show.
	 */
	Optional<String> url(WorkItemView item);

}
