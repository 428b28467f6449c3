package org.yunwei.platform.search;

import java.time.Instant;

/**
 * The index against the database, per kind: records that should be found, documents the
 * index holds, updates recorded but not yet applied, and the last rebuild.
 */
public record SearchStatus(String kind, long records, long indexed, long pending, Instant rebuiltAt,
		boolean rebuilding) {

	public boolean consistent() {
		return this.records == this.indexed;
	}

}
