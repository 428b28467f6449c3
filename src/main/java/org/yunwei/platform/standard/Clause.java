package org.yunwei.platform.standard;

/**
 * A clause of the standard: its number ({@code 8.4.1}) and its title exactly as the
 * standard has it, with an English rendering.
 */
public record Clause(String number, String titleZh, String titleEn) {

	/** The title in a language ({@code zh} or {@code en}). */
	public String title(String language) {
		return "en".equals(language) ? this.titleEn : this.titleZh;
	}

	/** How many levels deep the clause is: 1 for a chapter, 3 for {@code 8.4.1}. */
	public int depth() {
		return this.number.split("\\.").length;
	}

}
