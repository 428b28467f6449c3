package org.yunwei.fields;

import java.math.BigDecimal;
import java.util.List;

/**
 * A custom field of a scope (e.g. {@code workItem/routine}): its code (the key in REST
 * and imports), labels, kind, whether it is required, its choices, and its rule (a
 * pattern for text, a range for numbers); {@code inList} shows it as a list column.
 */
public record FieldDefinition(long id, int version, String scope, String code, String labelZh, String labelEn,
		FieldKind kind, boolean required, List<Option> options, String pattern, BigDecimal min, BigDecimal max,
		boolean inList, int sortOrder, boolean active) {

	/** A choice of a select field. */
	public record Option(String value, String zh, String en) {

		public String label(String language) {
			return ("en".equals(language) && this.en != null && !this.en.isBlank()) ? this.en : this.zh;
		}

	}

	public String label(String language) {
		return ("en".equals(language) && this.labelEn != null && !this.labelEn.isBlank()) ? this.labelEn : this.labelZh;
	}

	/** The label of a choice (the value itself when unknown). */
	public String optionLabel(String value, String language) {
		return this.options.stream()
			.filter((o) -> o.value().equals(value))
			.findFirst()
			.map((o) -> o.label(language))
			.orElse(value);
	}

}
