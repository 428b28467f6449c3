package org.yunwei.platform.web;

import java.time.Instant;
import java.util.List;

/**
 * A module's contribution to the home page "My work": the open records assigned to the
 * signed-in user or waiting, unassigned, in one of their groups.
 */
public interface MyWorkContributor {

	List<Entry> myWork(int limit);

	/** One line of "My work". */
	record Entry(String number, String title, String typeKey, String stateName, String stateCategory, int priority,
			Instant dueAt, String link) {

		public boolean overdue(Instant now) {
			return this.dueAt != null && this.dueAt.isBefore(now);
		}

	}

}
