package org.yunwei.workitem;

import java.util.Optional;

/**
 * A panel another module adds to a work item's page (e.g. its SLA clocks): the page loads
 * the panel's HTML fragment from {@link #url} and, when it is {@link #live}, refreshes it
 * every minute (a panel holding forms the user types in is loaded once).
 */
public interface WorkItemPanel {

	/**
	 * The fragment's address for this record, or empty when the panel has nothing to
	 * show.
	 */
	Optional<String> url(WorkItemView item);

	/** Whether the page refreshes the panel every minute. */
	default boolean live() {
		return true;
	}

	/**
	 * Whether the panel belongs in the page's main column, below the actions (a record's
	 * own plan, as a change's), rather than beside it.
	 */
	default boolean main() {
		return false;
	}

	/**
	 * The usual panel: on the records of one type, the fragment at {@code prefix} + the
	 * record's id, loaded once; {@code main} places it in the main column.
	 */
	static WorkItemPanel ofType(String type, String prefix, boolean main) {
		return new WorkItemPanel() {
			@Override
			public Optional<String> url(WorkItemView item) {
				return type.equals(item.type()) ? Optional.of(prefix + item.id()) : Optional.empty();
			}

			@Override
			public boolean live() {
				return false;
			}

			@Override
			public boolean main() {
				return main;
			}
		};
	}

}
