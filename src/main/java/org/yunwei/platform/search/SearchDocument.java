package org.yunwei.platform.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A record as the index holds it: what it is ({@code kind}, e.g. {@code workitem}, and a
 * {@code subtype}, e.g. {@code incident}), how it is shown and linked, the access tokens
 * of whoever may find it, its texts, and the people and groups it mentions by id
 * ({@code user:12}, {@code group:3}) so that renaming them re-indexes it.
 */
public record SearchDocument(String kind, long id, String subtype, String number, String title, String path,
		Instant updatedAt, Set<String> readers, List<SearchField> fields, Set<String> mentions) {

	public SearchDocument {
		readers = Set.copyOf(readers);
		fields = List.copyOf(fields);
		mentions = Set.copyOf(mentions);
	}

}
