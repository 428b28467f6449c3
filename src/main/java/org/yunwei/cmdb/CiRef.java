package org.yunwei.cmdb;

/** A CI as other records and relations show it. */
public record CiRef(long id, String number, String name, String classCode, String classNameZh, String classNameEn,
		String icon, CiState state) {

	public String className(String language) {
		return "en".equals(language) ? this.classNameEn : this.classNameZh;
	}

}
