package org.yunwei.knowledge;

/**
 * What an article list shows: a category (with the categories under it), a state, only
 * the caller's own articles, or only those due for review.
 */
public record ArticleFilter(Long categoryId, ArticleState state, boolean mine, boolean reviewDue) {

	public static ArticleFilter published() {
		return new ArticleFilter(null, ArticleState.PUBLISHED, false, false);
	}

}
