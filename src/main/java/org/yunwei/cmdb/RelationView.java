package org.yunwei.cmdb;

import java.time.Instant;

/**
 * A relation as one of its two CIs sees it: outgoing ("runs on" the other) or incoming
 * (the other "runs on" this, read as "hosts").
 */
public record RelationView(long id, String typeCode, String labelZh, String labelEn, boolean outgoing, CiRef other,
		Instant createdAt) {

	public String label(String language) {
		return "en".equals(language) ? this.labelEn : this.labelZh;
	}

}
