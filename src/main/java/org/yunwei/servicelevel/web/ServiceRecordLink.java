package org.yunwei.servicelevel.web;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.platform.web.RecordLink;

/** A service opens on its page. (The page checks who may see it.) */
@Component
class ServiceRecordLink implements RecordLink {

	@Override
	public Set<String> types() {
		return Set.of("service");
	}

	@Override
	public Optional<String> path(String type, long id) {
		return Optional.of("/services/" + id);
	}

}
