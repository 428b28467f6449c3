package org.yunwei.cmdb;

/**
 * A kind of relation, read from source to target ("runs on") and back ("hosts");
 * {@code propagates}: when the target fails, the source is impacted.
 */
public record RelationTypeView(long id, String code, String nameZh, String nameEn, String reverseZh, String reverseEn,
		boolean propagates) {

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

	public String reverse(String language) {
		return "en".equals(language) ? this.reverseEn : this.reverseZh;
	}

}
