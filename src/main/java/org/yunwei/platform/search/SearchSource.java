package org.yunwei.platform.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.yunwei.platform.identity.CurrentUser;

/**
 * A module's records as the search index sees them. The module builds its documents (read
 * by the system, no permission check: access is carried by the documents' tokens) and
 * says which tokens a user holds.
 */
public interface SearchSource {

	/** The kind of record, unique among sources ({@code workitem}, {@code article}). */
	String kind();

	/**
	 * The documents of these records; a record that no longer exists (or should not be
	 * found) is simply left out and is removed from the index.
	 */
	List<SearchDocument> documents(Collection<Long> ids);

	/** Ids of the records to index, ascending, after {@code after}: for a rebuild. */
	List<Long> ids(long after, int limit);

	/** How many records the index should hold, for the check against the database. */
	long count();

	/** The access tokens the user holds for this kind. */
	Set<String> grants(CurrentUser user);

}
