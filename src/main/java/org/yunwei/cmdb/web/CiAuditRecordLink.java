package org.yunwei.cmdb.web;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.platform.web.RecordLink;

/** A configuration audit opens on its page. (The page checks who may see it.) */
@Component
class CiAuditRecordLink implements RecordLink {

	@Override
	public Set<String> types() {
		return Set.of("ciAudit");
	}

	@Override
	public Optional<String> path(String type, long id) {
		return Optional.of("/cmdb/audits/" + id);
	}

}
