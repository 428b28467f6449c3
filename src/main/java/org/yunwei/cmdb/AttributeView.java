package org.yunwei.cmdb;

import java.util.List;

/**
 * An attribute of a CI class (and of its subclasses, which inherit it).
 *
 * @param choices for {@link AttributeType#CHOICE}: the allowed values, each with its
 * English label
 */
public record AttributeView(long id, long classId, String classCode, String code, String nameZh, String nameEn,
		AttributeType type, boolean required, boolean unique, boolean identifying, List<Choice> choices, int position,
		boolean active) {

	/** An allowed value (stored as written) and how it reads in English. */
	public record Choice(String value, String labelEn) {

		public String label(String language) {
			return ("en".equals(language) && this.labelEn != null) ? this.labelEn : this.value;
		}

	}

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

	/** The choices as an administrator edits them: a line each, {@code 值|English}. */
	public String choicesText() {
		StringBuilder b = new StringBuilder();
		for (Choice c : this.choices) {
			b.append(c.value());
			if (c.labelEn() != null && !c.labelEn().equals(c.value())) {
				b.append('|').append(c.labelEn());
			}
			b.append('\n');
		}
		return b.toString().strip();
	}

	/** How a stored value reads (a choice in English for English readers). */
	public String display(String value, String language) {
		if (value == null) {
			return null;
		}
		if (this.type == AttributeType.CHOICE) {
			return this.choices.stream()
				.filter((c) -> c.value().equals(value))
				.findFirst()
				.map((c) -> c.label(language))
				.orElse(value);
		}
		if (this.type == AttributeType.BOOLEAN) {
			boolean yes = "true".equals(value);
			return "en".equals(language) ? (yes ? "Yes" : "No") : (yes ? "是" : "否");
		}
		return value;
	}

}
