package org.yunwei.platform.search;

import java.time.Instant;
import java.util.List;

/**
 * One result: the record, its title with the query's words marked, and snippets of the
 * fields that matched and the user may see. {@code titleHtml} and each snippet's
 * {@code html} are escaped HTML with {@code <mark>} around the matched words.
 */
public record SearchHit(String kind, long id, String subtype, String number, String title, String titleHtml,
		String path, Instant updatedAt, float score, List<Snippet> snippets) {

	/** A highlighted passage of one field. */
	public record Snippet(String field, String html) {

		public String messageKey() {
			return "search.field." + this.field;
		}

	}

}
