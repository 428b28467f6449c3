package org.yunwei.workitem.web;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.workitem.WorkItems;
import org.yunwei.platform.web.RecordLink;

/** Work items (incidents, changes and every other type) open on their record page. */
@Component
class WorkItemRecordLink implements RecordLink {

	private final WorkItems items;

	WorkItemRecordLink(WorkItems items) {
		this.items = items;
	}

	@Override
	public Set<String> types() {
		return Set.of("workItem", "incident", "change");
	}

	@Override
	public Optional<String> path(String type, long id) {
		org.yunwei.workitem.WorkItemView item = this.items.get(String.valueOf(id));
		return Optional.of("/work/" + item.type() + "/" + item.number());
	}

}
