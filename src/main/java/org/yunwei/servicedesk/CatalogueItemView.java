package org.yunwei.servicedesk;

import java.util.List;

import org.yunwei.fields.FieldDefinition;

/**
 * A catalogue item as the portal and its administrators see it: names and category in
 * both languages, the service it belongs to, the group that fulfils it, its form fields
 * and the workflow it is fulfilled on ({@code workflowVersion} 0 while it uses the
 * request type's own).
 */
public record CatalogueItemView(long id, int version, String code, String nameZh, String nameEn, String descriptionZh,
		String descriptionEn, String categoryZh, String categoryEn, String icon, Long serviceId, String serviceName,
		Long groupId, String groupName, int sortOrder, boolean active, List<FieldDefinition> fields,
		int workflowVersion) {

	public String name(String language) {
		return pick(language, this.nameZh, this.nameEn);
	}

	public String description(String language) {
		return pick(language, this.descriptionZh, this.descriptionEn);
	}

	public String category(String language) {
		return pick(language, this.categoryZh, this.categoryEn);
	}

	/** The custom-field scope of the item's form. */
	public String fieldScope() {
		return Catalogue.fieldScope(this.code);
	}

	private static String pick(String language, String zh, String en) {
		return ("en".equals(language) && en != null && !en.isBlank()) ? en : zh;
	}

}
