package org.yunwei.cmdb;

import java.time.Instant;

/** A CI in a list. */
public record CiRow(long id, String number, String name, String classCode, String classNameZh, String classNameEn,
		String icon, CiState state, String ownerName, String groupName, String locationName, String serviceName,
		Instant updatedAt) {

	public String className(String language) {
		return "en".equals(language) ? this.classNameEn : this.classNameZh;
	}

}
