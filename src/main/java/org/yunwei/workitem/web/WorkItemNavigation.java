package org.yunwei.workitem.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.Workflows;

/** A menu entry per work-item type, and the workflow screens for process owners. */
@Component
class WorkItemNavigation implements NavContributor, org.yunwei.fields.FieldScope.Contributor {

	private final WorkItemTypes types;

	WorkItemNavigation(WorkItemTypes types) {
		this.types = types;
	}

	@Override
	public List<NavItem> items() {
		List<NavItem> items = new ArrayList<>();
		for (WorkItemType t : this.types.all()) {
			items.add(new NavItem(NavArea.PROCESSES, t.nameKey() + ".plural", "/work/" + t.code(), t.icon(),
					t.readPermission()));
		}
		items.add(new NavItem(NavArea.PROCESSES, "nav.workflows", "/admin/workflows", "diagram-2", Workflows.WRITE));
		return items;
	}

	/** Every work-item type takes custom fields. */
	@Override
	public List<org.yunwei.fields.FieldScope> scopes() {
		return this.types.all()
			.stream()
			.map((t) -> new org.yunwei.fields.FieldScope(org.yunwei.workitem.WorkItems.fieldScope(t.code()),
					t.nameKey()))
			.toList();
	}

}
