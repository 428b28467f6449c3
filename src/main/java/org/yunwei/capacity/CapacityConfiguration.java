package org.yunwei.capacity;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemType;

/**
 * Who reads and records capacity and approves plans; the capacity-report work-item type
 * (raised by the kernel's recurring work, approved by the O&amp;M head) and its panel;
 * the menu.
 */
@Configuration(proxyBeanMethods = false)
class CapacityConfiguration {

	static final WorkItemType REPORT = new WorkItemType(Capacity.REPORT_TYPE, "CAP", "capacity",
			"workflows/capreport.json", "graph-up-arrow");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER");

	private static final Set<String> WRITERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER");

	private static final Set<String> MANAGERS = Set.of("OM_HEAD", "OM_MANAGER");

	@Bean
	WorkItemType capacityReportType() {
		return REPORT;
	}

	@Bean
	PermissionContributor capacityPermissions() {
		return () -> List.of(new PermissionDefinition(Capacity.READ, "capacity", null, READERS),
				new PermissionDefinition(Capacity.WRITE, "capacity", null, WRITERS),
				new PermissionDefinition(Capacity.MANAGE, "capacity", null, MANAGERS));
	}

	@Bean
	NavContributor capacityNavigation() {
		return () -> List.of(
				new NavItem(NavArea.CONFIGURATION, "nav.capacity", "/capacity", "speedometer2", Capacity.READ),
				new NavItem(NavArea.CONFIGURATION, "nav.capacityPlans", "/capacity/plans", "journal-text",
						Capacity.READ));
	}

	@Bean
	WorkItemPanel capacityReportPanel() {
		return WorkItemPanel.ofType(Capacity.REPORT_TYPE, "/capacity/report-panel/", true);
	}

}
