package org.yunwei.incident;

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
import org.yunwei.workitem.WorkflowActionHandler;

/**
 * The incident work-item type, who may see, raise and work on incidents, declare major
 * incidents and maintain the category tree; the incident panel on the record page; the
 * {@code majorIncidentReview} workflow guard.
 */
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
				new PermissionDefinition(INCIDENT.submitPermission(), "incident", null, Set.of("DEPARTMENT_USER")),
				new PermissionDefinition(Incidents.MAJOR, "incident", null,
						Set.of("OM_HEAD", "OM_MANAGER", "SERVICE_DESK_AGENT")),
				new PermissionDefinition(Incidents.MANAGE, "incident", null, Set.of("OM_HEAD", "OM_MANAGER")));
	}

	@Bean
	NavContributor incidentNavigation() {
		return () -> List.of(
				new NavItem(NavArea.SERVICE_DESK, "nav.incidentCategories", "/incidents/categories", "diagram-2",
						Incidents.MANAGE),
				new NavItem(NavArea.SERVICE_DESK, "nav.recordQuality", "/incidents/quality", "clipboard2-check",
						Incidents.MANAGE));
	}

	/** Category, resolution and the major-incident procedure on an incident's page. */
	@Bean
	WorkItemPanel incidentPanel() {
		return new WorkItemPanel() {
			@Override
			public java.util.Optional<String> url(org.yunwei.workitem.WorkItemView item) {
				return INCIDENT.code().equals(item.type()) ? java.util.Optional.of("/incidents/panel/" + item.id())
						: java.util.Optional.empty();
			}

			@Override
			public boolean live() {
				return false;
			}
		};
	}

	/**
	 * {@code {"type": "resolveChildren"}} on a mass incident's resolution: its open child
	 * incidents are resolved with it.
	 */
	@Bean
	WorkflowActionHandler resolveChildrenAction(org.springframework.beans.factory.ObjectProvider<Incidents> incidents) {
		return WorkflowActionHandler.of("resolveChildren",
				(action, context) -> incidents.getObject().resolveChildren(context));
	}

	/**
	 * {@code {"type": "majorIncidentReview"}} on a closing transition: a major incident
	 * does not close before its post-incident review is completed.
	 */
	@Bean
	WorkflowActionHandler majorIncidentReviewAction(
			org.springframework.beans.factory.ObjectProvider<Incidents> incidents) {
		return WorkflowActionHandler.of("majorIncidentReview",
				(action, context) -> incidents.getObject().requireReview(context.item()));
	}

}
