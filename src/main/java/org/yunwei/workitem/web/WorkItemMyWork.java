package org.yunwei.workitem.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.yunwei.platform.web.MyWorkContributor;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkItems;

/** Work items on the home page's "My work". */
@Component
class WorkItemMyWork implements MyWorkContributor {

	private final WorkItems items;

	private final WorkItemTypes types;

	WorkItemMyWork(WorkItems items, WorkItemTypes types) {
		this.items = items;
		this.types = types;
	}

	@Override
	public List<Entry> myWork(int limit) {
		List<Entry> entries = new java.util.ArrayList<>();
		this.items.awaitingMyApproval(limit)
			.forEach((r) -> entries.add(new Entry(r.number(), r.title(), "approval.awaitingYou", r.state(),
					r.stateCategory().name().toLowerCase(Locale.ROOT), r.priority(), r.dueAt(),
					"/work/" + r.type() + "/" + r.number() + "#approvals")));
		this.items.mine(limit)
			.forEach((r) -> entries.add(new Entry(r.number(), r.title(), this.types.get(r.type()).nameKey(), r.state(),
					r.stateCategory().name().toLowerCase(Locale.ROOT), r.priority(), r.dueAt(),
					"/work/" + r.type() + "/" + r.number())));
		return entries;
	}

}
