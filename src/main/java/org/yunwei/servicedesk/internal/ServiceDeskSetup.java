package org.yunwei.servicedesk.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.servicedesk.Catalogue;
import org.yunwei.servicedesk.DeskTemplates;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemType;

/**
 * The service request and fulfilment task work-item types, who may see, raise and handle
 * requests and who maintains the catalogue, the portal's and the catalogue's menu
 * entries, and the service-desk panel (channel, satisfaction) on the pages of incidents
 * and requests.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(MailIntakeSettings.class)
class ServiceDeskSetup {

	static final WorkItemType REQUEST = new WorkItemType("request", "REQ", "request", "workflows/request.json",
			"cart-check");

	/**
	 * A fulfilment task: the part of a request another group does (issue the laptop, open
	 * the firewall port), created by the request's workflow and linked to it.
	 */
	static final WorkItemType TASK = new WorkItemType("sdtask", "TASK", "sdtask", "workflows/sdtask.json", "list-task");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT", "DEPARTMENT_USER");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> CATALOGUE_MANAGERS = Set.of("OM_HEAD", "OM_MANAGER");

	@Bean
	WorkItemType serviceRequestType() {
		return REQUEST;
	}

	@Bean
	WorkItemType fulfilmentTaskType() {
		return TASK;
	}

	@Bean
	PermissionContributor serviceDeskPermissions() {
		return () -> List.of(new PermissionDefinition(REQUEST.readPermission(), "servicedesk", null, READERS),
				new PermissionDefinition(REQUEST.writePermission(), "servicedesk", null, WORKERS),
				new PermissionDefinition(REQUEST.submitPermission(), "servicedesk", null, Set.of("DEPARTMENT_USER")),
				new PermissionDefinition(TASK.readPermission(), "servicedesk", null,
						READERS.stream().filter((r) -> !"DEPARTMENT_USER".equals(r)).collect(Collectors.toSet())),
				new PermissionDefinition(TASK.writePermission(), "servicedesk", null, WORKERS),
				new PermissionDefinition(Catalogue.MANAGE, "servicedesk", null, CATALOGUE_MANAGERS),
				new PermissionDefinition(DeskTemplates.MANAGE, "servicedesk", null, CATALOGUE_MANAGERS));
	}

	@Bean
	NavContributor serviceDeskNavigation() {
		return () -> List.of(new NavItem(NavArea.SERVICE_DESK, "nav.desk", "/desk", "headset", "incident:write"),
				new NavItem(NavArea.SERVICE_DESK, "nav.phone", "/desk/phone", "telephone-inbound", "incident:write"),
				new NavItem(NavArea.SERVICE_DESK, "nav.duty", "/desk/duty", "calendar-week", "incident:write"),
				new NavItem(NavArea.SERVICE_DESK, "nav.portal", "/portal", "life-preserver", "incident:submit"),
				new NavItem(NavArea.SERVICE_DESK, "nav.catalogue", "/catalogue", "grid-3x3-gap", Catalogue.MANAGE),
				new NavItem(NavArea.SERVICE_DESK, "nav.deskTemplates", "/desk/templates", "card-text",
						DeskTemplates.MANAGE),
				new NavItem(NavArea.SERVICE_DESK, "nav.mail", "/desk/mail", "envelope-paper", DeskTemplates.MANAGE));
	}

	/**
	 * The channel and the requester's rating on the page of every incident and request.
	 */
	@Bean
	WorkItemPanel serviceDeskPanel() {
		return (item) -> (List.of(TicketKind.values()).stream().anyMatch((k) -> k.type().equals(item.type()))
				|| org.yunwei.servicedesk.Callbacks.TYPE.equals(item.type()))
						? Optional.of("/portal/panel/" + item.id()) : Optional.empty();
	}

	/**
	 * The agent's tools on the page of an incident or request: the caller at a glance,
	 * canned replies, merge and convert. Loaded once (it holds forms).
	 */
	@Bean
	WorkItemPanel agentPanel() {
		return new WorkItemPanel() {
			@Override
			public Optional<String> url(org.yunwei.workitem.WorkItemView item) {
				return List.of(TicketKind.values()).stream().anyMatch((k) -> k.type().equals(item.type()))
						? Optional.of("/desk/panel/" + item.id()) : Optional.empty();
			}

			@Override
			public boolean live() {
				return false;
			}
		};
	}

}
