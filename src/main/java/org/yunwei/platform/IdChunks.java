package org.yunwei.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Id lists cut into chunks for {@code in (:ids)} queries: a database takes only so many
 * parameters in one statement (PostgreSQL's driver 65,535), and a year of tickets is
 * hundreds of thousands of ids.
 */
public final class IdChunks {

	/** Ids per statement. */
	public static final int SIZE = 1000;

	private IdChunks() {
	}

	/**
	 * Calls {@code each} with the distinct ids, {@link #SIZE} at a time, in their order.
	 */
	public static <T> void each(Collection<T> ids, Consumer<List<T>> each) {
		List<T> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
		for (int from = 0; from < all.size(); from += SIZE) {
			each.accept(all.subList(from, Math.min(all.size(), from + SIZE)));
		}
	}

}
