package org.yunwei.servicedesk.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemType;

/**
 * The service request work-item type, who may see, raise and handle requests, the
 * portal's menu entry, and the service-desk panel (channel, satisfaction) on the pages of
 * incidents and requests.
 */
@Configuration(proxyBeanMethods = false)
class ServiceDeskSetup {

	static final WorkItemType REQUEST = new WorkItemType("request", "REQ", "request", "workflows/request.json",
			"cart-check");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT", "DEPARTMENT_USER");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER", "SERVICE_DESK_AGENT");

	@Bean
	WorkItemType serviceRequestType() {
		return REQUEST;
	}

	@Bean
	PermissionContributor serviceDeskPermissions() {
		return () -> List.of(new PermissionDefinition(REQUEST.readPermission(), "servicedesk", null, READERS),
				new PermissionDefinition(REQUEST.writePermission(), "servicedesk", null, WORKERS),
				new PermissionDefinition(REQUEST.submitPermission(), "servicedesk", null, Set.of("DEPARTMENT_USER")));
	}

	@Bean
	NavContributor serviceDeskNavigation() {
		return () -> List
			.of(new NavItem(NavArea.SERVICE_DESK, "nav.portal", "/portal", "life-preserver", "incident:submit"));
	}

	/**
	 * The channel and the requester's rating on the page of every incident and request.
	 */
	@Bean
	WorkItemPanel serviceDeskPanel() {
		return (item) -> List.of(TicketKind.values()).stream().anyMatch((k) -> k.type().equals(item.type()))
				? Optional.of("/portal/panel/" + item.id()) : Optional.empty();
	}

}
