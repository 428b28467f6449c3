package org.yunwei.fields;

import java.util.List;

/**
 * A kind of record that takes custom fields, declared by the module that owns it (each
 * work-item type, each catalogue item's form, later each CI class): its scope code and
 * the message key of its name, or its name as data (a catalogue item's) in both
 * languages.
 */
public record FieldScope(String scope, String nameKey, String nameZh, String nameEn) {

	public FieldScope(String scope, String nameKey) {
		this(scope, nameKey, null, null);
	}

	/** The name given as data, in a language ({@code null} when the key names it). */
	public String name(String language) {
		if (this.nameZh == null) {
			return null;
		}
		return ("en".equals(language) && this.nameEn != null && !this.nameEn.isBlank()) ? this.nameEn : this.nameZh;
	}

	/**
	 * A module's kinds of record that take custom fields (asked each time: they may
	 * change).
	 */
	public interface Contributor {

		List<FieldScope> scopes();

	}

}
