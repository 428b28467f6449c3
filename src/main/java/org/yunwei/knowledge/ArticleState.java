package org.yunwei.knowledge;

/** An article's life: not yet published, published (a version in effect), retired. */
public enum ArticleState {

	DRAFT, PUBLISHED, RETIRED;

	public String messageKey() {
		return "knowledge.state." + name();
	}

}
