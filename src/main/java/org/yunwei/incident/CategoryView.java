package org.yunwei.incident;

/**
 * An incident category in the tree: its depth (0 for a root) and full path for pickers.
 */
public record CategoryView(long id, int version, Long parentId, String code, String nameZh, String nameEn,
		int sortOrder, boolean active, int depth, String pathZh, String pathEn) {

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

	public String path(String language) {
		return "en".equals(language) ? this.pathEn : this.pathZh;
	}

}
