package org.yunwei.platform.search;

import java.util.Set;

/**
 * One searchable text of a record. {@code readers} are the access tokens that may see
 * this field (in a result and in a highlight) when it is narrower than the record's, for
 * example an internal work note; null when everyone who may see the record may see it.
 */
public record SearchField(String name, String text, Set<String> readers) {

	/** The record's title (ranked highest). */
	public static final String TITLE = "title";

	/** The record's body: description, article text. */
	public static final String TEXT = "text";

	/** Public comments. */
	public static final String COMMENTS = "comments";

	/** Internal work notes. */
	public static final String NOTES = "notes";

	/** The names of the people and groups the record is about. */
	public static final String PEOPLE = "people";

	/** Its category, tags and keywords. */
	public static final String TAGS = "tags";

	/** Every field name, in the order a result shows its snippets. */
	public static final java.util.List<String> NAMES = java.util.List.of(TITLE, TEXT, COMMENTS, NOTES, PEOPLE, TAGS);

	public SearchField {
		if (!NAMES.contains(name)) {
			throw new IllegalArgumentException("unknown search field " + name);
		}
		readers = (readers == null) ? null : Set.copyOf(readers);
	}

	public static SearchField of(String name, String text) {
		return new SearchField(name, text, null);
	}

}
