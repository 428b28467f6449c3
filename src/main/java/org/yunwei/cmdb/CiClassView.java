package org.yunwei.cmdb;

import java.util.List;

/**
 * A CI class: where it sits in the hierarchy, and its attributes, its own and those it
 * inherits (ancestors' first).
 *
 * @param abstractClass only for grouping: no CI is of this class itself
 */
public record CiClassView(long id, int version, String code, Long parentId, String parentCode, String nameZh,
		String nameEn, String icon, boolean abstractClass, boolean active, int depth, List<AttributeView> attributes,
		long cis) {

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

	/** The attributes defined on this class itself. */
	public List<AttributeView> own() {
		return this.attributes.stream().filter((a) -> a.classId() == this.id).toList();
	}

	/** The attributes that together identify a CI of this class; none: its name does. */
	public List<AttributeView> identifying() {
		return this.attributes.stream().filter((a) -> a.active() && a.identifying()).toList();
	}

	public List<AttributeView> activeAttributes() {
		return this.attributes.stream().filter(AttributeView::active).toList();
	}

}
