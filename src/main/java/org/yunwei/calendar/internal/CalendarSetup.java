package org.yunwei.calendar.internal;

import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import org.yunwei.calendar.Calendars;
import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;

/** The shipped calendars on first start, the module's permissions and menu entry. */
@Configuration(proxyBeanMethods = false)
class CalendarSetup {

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	@Bean
	@Order(5)
	ApplicationRunner installCalendars(Calendars calendars) {
		return (ApplicationArguments args) -> calendars.installDefaults();
	}

	@Bean
	PermissionContributor calendarPermissions() {
		return () -> List.of(new PermissionDefinition(Calendars.READ, "process", null, READERS),
				new PermissionDefinition(Calendars.WRITE, "process", null, Set.of("OM_MANAGER", "OM_HEAD")));
	}

	@Bean
	NavContributor calendarNavigation() {
		return () -> List
			.of(new NavItem(NavArea.PROCESSES, "nav.calendars", "/calendars", "calendar3", Calendars.READ));
	}

}
