package org.yunwei.platform.identity;

import java.util.Set;

/** A role: its permissions, record scope and, for the three administrators, its kind. */
public record RoleView(long id, String code, String nameZh, String nameEn, String description, RecordScope scope,
		AdminKind adminKind, boolean builtin, Set<String> permissions, long users, int version) {

	/** The role's name in the given language. */
	public String name(java.util.Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.nameZh : this.nameEn;
	}

}
