package org.yunwei.operations;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.workitem.WorkItemType;

/** The routine task (例行任务) work-item type, its permissions and its place in the menu. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	static final WorkItemType ROUTINE = new WorkItemType("routine", "RT", "routine", "workflows/routine.json",
			"calendar-check");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER");

	@Bean
	WorkItemType routineTaskType() {
		return ROUTINE;
	}

	@Bean
	PermissionContributor operationsPermissions() {
		return () -> List.of(new PermissionDefinition("routine:read", "operations", null, READERS),
				new PermissionDefinition("routine:write", "operations", null, WORKERS));
	}

}
