package org.yunwei.release;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
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
 * The release work-item type and its permissions, the release panel in the main column of
 * a release's page, the releases panel on a change, the menu, and the workflow actions of
 * the release workflow.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseConfiguration {

	static final WorkItemType RELEASE = new WorkItemType(Releases.TYPE, "REL", "release", "workflows/release.json",
			"box-seam", "/releases/new");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER");

	private static final Set<String> MANAGERS = Set.of("OM_HEAD", "OM_MANAGER");

	@Bean
	WorkItemType releaseType() {
		return RELEASE;
	}

	@Bean
	PermissionContributor releasePermissions() {
		return () -> List.of(new PermissionDefinition(Releases.READ, "release", null, READERS),
				new PermissionDefinition(Releases.WRITE, "release", null, WORKERS),
				new PermissionDefinition(Releases.MANAGE, "release", null, MANAGERS));
	}

	@Bean
	NavContributor releaseNavigation() {
		return () -> List.of(
				new NavItem(NavArea.PROCESSES, "nav.releasePolicy", "/releases/policy", "signpost-split",
						Releases.READ),
				new NavItem(NavArea.PROCESSES, "nav.releaseReviews", "/releases/reviews", "clipboard-data",
						Releases.READ));
	}

	@Bean
	WorkItemPanel releasePanel() {
		return WorkItemPanel.ofType(Releases.TYPE, "/releases/panel/", true);
	}

	@Bean
	WorkflowActionHandler releaseTestedAction(ObjectProvider<Releases> releases) {
		return WorkflowActionHandler.of("releaseTested", (a, context) -> releases.getObject().tested(context));
	}

	@Bean
	WorkflowActionHandler releaseAuthorisedAction(ObjectProvider<Releases> releases) {
		return WorkflowActionHandler.of("releaseAuthorised", (a, context) -> releases.getObject().authorised(context));
	}

	@Bean
	WorkflowActionHandler releaseDeployedAction(ObjectProvider<Releases> releases) {
		return WorkflowActionHandler.of("releaseDeployed", (a, context) -> releases.getObject().deployed(context));
	}

}
