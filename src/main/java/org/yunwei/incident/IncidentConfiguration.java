package org.yunwei.incident;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.workitem.WorkItemType;

/** The incident work-item type and who may see, raise and work on incidents. */
@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

	static final WorkItemType INCIDENT = new WorkItemType("incident", "INC", "incident", "workflows/incident.json",
			"exclamation-octagon");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT", "DEPARTMENT_USER");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER", "SERVICE_DESK_AGENT");

	@Bean
	WorkItemType incidentType() {
		return INCIDENT;
	}

	@Bean
	PermissionContributor incidentPermissions() {
		return () -> List.of(new PermissionDefinition(INCIDENT.readPermission(), "incident", null, READERS),
				new PermissionDefinition(INCIDENT.writePermission(), "incident", null, WORKERS),
				new PermissionDefinition(INCIDENT.submitPermission(), "incident", null, Set.of("DEPARTMENT_USER")));
	}

}
