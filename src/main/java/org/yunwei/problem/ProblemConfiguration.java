package org.yunwei.problem;

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
 * The problem work-item type, who may see and work on problems, the analysis panel on a
 * problem's page, the known-error list and the recurring-incident view in the menu, and
 * the {@code problemWorkaround} workflow guard.
 */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

	static final WorkItemType PROBLEM = new WorkItemType(Problems.TYPE, "PRB", "problem", "workflows/problem.json",
			"bug");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WORKERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER");

	@Bean
	WorkItemType problemType() {
		return PROBLEM;
	}

	@Bean
	PermissionContributor problemPermissions() {
		return () -> List.of(new PermissionDefinition(PROBLEM.readPermission(), "problem", null, READERS),
				new PermissionDefinition(PROBLEM.writePermission(), "problem", null, WORKERS));
	}

	@Bean
	NavContributor problemNavigation() {
		return () -> List.of(
				new NavItem(NavArea.SERVICE_DESK, "nav.knownErrors", "/problems/known-errors", "journal-bookmark",
						PROBLEM.readPermission()),
				new NavItem(NavArea.SERVICE_DESK, "nav.recurring", "/problems/recurring", "arrow-repeat",
						PROBLEM.writePermission()));
	}

	@Bean
	WorkItemPanel problemPanel() {
		return WorkItemPanel.ofType(Problems.TYPE, "/problems/panel/", false);
	}

	/** On an incident's page: the problems it is tied to; raise one from it. */
	@Bean
	WorkItemPanel incidentProblemsPanel() {
		return WorkItemPanel.ofType("incident", "/problems/incident-panel/", false);
	}

	/**
	 * {@code {"type": "problemWorkaround"}}: a problem becomes a known error only with
	 * its workaround written, and is then published to the known-error list.
	 */
	@Bean
	WorkflowActionHandler problemWorkaroundAction(ObjectProvider<Problems> problems) {
		return WorkflowActionHandler.of("problemWorkaround", (action, context) -> problems.getObject()
			.publishKnownError(context.item(), context.actor().map((u) -> u.id()).orElse(0L)));
	}

}
