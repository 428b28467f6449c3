package org.yunwei.governance;

/**
 * A lettered requirement of the standard: the clause it belongs to ({@code 8.3.6}), the
 * section whose list holds it ({@code 8.3.6.1}) and its letter, with a summary in our own
 * words of what it asks and which evidence meets it (the standard itself has the full
 * wording).
 */
public record Requirement(String clause, String section, String letter, String summaryZh, String summaryEn) {

	/** How an auditor cites it: {@code 8.3.6.1 a)}. */
	public String reference() {
		return this.section + " " + this.letter + ")";
	}

	public String summary(String language) {
		return "en".equals(language) ? this.summaryEn : this.summaryZh;
	}

}
