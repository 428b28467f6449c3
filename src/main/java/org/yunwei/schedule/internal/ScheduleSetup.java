package org.yunwei.schedule.internal;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.schedule.RecurringWork;

/** The module's permissions and menu entry. */
@Configuration(proxyBeanMethods = false)
class ScheduleSetup {

	@Bean
	PermissionContributor schedulePermissions() {
		return () -> List.of(
				new PermissionDefinition(RecurringWork.READ, "operations", null,
						Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER", "ENGINEER")),
				new PermissionDefinition(RecurringWork.WRITE, "operations", null, Set.of("OM_HEAD", "OM_MANAGER")));
	}

	@Bean
	NavContributor scheduleNavigation() {
		return () -> List
			.of(new NavItem(NavArea.PROCESSES, "nav.schedules", "/schedules", "arrow-repeat", RecurringWork.READ));
	}

}
