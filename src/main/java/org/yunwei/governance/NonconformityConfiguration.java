package org.yunwei.governance;

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
 * The nonconformity, corrective/preventive-action and management-review work-item types,
 * who works on them, their panels, the menu, and the {@code ncAnalysed},
 * {@code ncActionsDone}, {@code ncVerified}, {@code reviewHeld} and
 * {@code reviewResolved} workflow guards.
 */
@Configuration(proxyBeanMethods = false)
class NonconformityConfiguration {

	static final WorkItemType NONCONFORMITY = new WorkItemType(Nonconformities.TYPE, "NC", "improvement",
			"workflows/nonconformity.json", "exclamation-octagon");

	static final WorkItemType ACTION = new WorkItemType(Nonconformities.ACTION_TYPE, "CA", "improvement",
			"workflows/capa.json", "check2-square");

	static final WorkItemType REVIEW = new WorkItemType(ManagementReviews.TYPE, "MR", "improvement",
			"workflows/mgmtreview.json", "people");

	static final WorkItemType AUDIT = new WorkItemType(InternalAudits.TYPE, "IA", "improvement", "workflows/audit.json",
			"search");

	static final WorkItemType SELF_CHECK = new WorkItemType("selfcheck", "SC", "improvement",
			"workflows/selfcheck.json", "shield-check");

	static final WorkItemType RISK_EVENT = new WorkItemType("riskevent", "CRE", "improvement",
			"workflows/riskevent.json", "exclamation-diamond");

	static final WorkItemType SURVEY = new WorkItemType(Surveys.TYPE, "SV", "improvement", "workflows/survey.json",
			"emoji-smile");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER");

	@Bean
	WorkItemType nonconformityType() {
		return NONCONFORMITY;
	}

	@Bean
	WorkItemType correctiveActionType() {
		return ACTION;
	}

	@Bean
	WorkItemType managementReviewType() {
		return REVIEW;
	}

	@Bean
	WorkItemType internalAuditType() {
		return AUDIT;
	}

	@Bean
	WorkItemType selfCheckType() {
		return SELF_CHECK;
	}

	@Bean
	WorkItemType riskEventType() {
		return RISK_EVENT;
	}

	@Bean
	WorkItemType surveyType() {
		return SURVEY;
	}

	@Bean
	WorkItemPanel surveyPanel() {
		return WorkItemPanel.ofType(Surveys.TYPE, "/governance/surveys/panel/", true);
	}

	@Bean
	WorkflowActionHandler surveyOpenedAction(ObjectProvider<Surveys> surveys) {
		return WorkflowActionHandler.of("surveyOpened", (a, context) -> surveys.getObject().opened(context));
	}

	@Bean
	WorkflowActionHandler surveyClosedAction(ObjectProvider<Surveys> surveys) {
		return WorkflowActionHandler.of("surveyClosed", (a, context) -> surveys.getObject().closed(context));
	}

	@Bean
	WorkflowActionHandler surveyReportedAction(ObjectProvider<Surveys> surveys) {
		return WorkflowActionHandler.of("surveyReported", (a, context) -> surveys.getObject().reported(context));
	}

	@Bean
	WorkflowActionHandler selfCheckScopedAction(ObjectProvider<InternalAudits> audits,
			ObjectProvider<org.yunwei.document.DocumentManagement> documents) {
		return WorkflowActionHandler.of("selfCheckScoped",
				(a, context) -> audits.getObject().selfCheckScoped(context, documents.getObject().inEffect()));
	}

	/** {@code checklistDone}: every point of the record's checklist recorded. */
	@Bean
	WorkflowActionHandler checklistDoneAction(ObjectProvider<InternalAudits> audits) {
		return WorkflowActionHandler.of("checklistDone", (a, context) -> audits.getObject().checked(context));
	}

	@Bean
	WorkItemPanel internalAuditPanel() {
		return WorkItemPanel.ofType(InternalAudits.TYPE, "/governance/audits/panel/", true);
	}

	@Bean
	WorkflowActionHandler auditScopedAction(ObjectProvider<InternalAudits> audits) {
		return WorkflowActionHandler.of("auditScoped", (a, context) -> audits.getObject().scoped(context));
	}

	@Bean
	WorkflowActionHandler auditCheckedAction(ObjectProvider<InternalAudits> audits) {
		return WorkflowActionHandler.of("auditChecked", (a, context) -> audits.getObject().checked(context));
	}

	@Bean
	WorkflowActionHandler auditReportedAction(ObjectProvider<InternalAudits> audits) {
		return WorkflowActionHandler.of("auditReported", (a, context) -> audits.getObject().reported(context));
	}

	@Bean
	WorkItemPanel managementReviewPanel() {
		return WorkItemPanel.ofType(ManagementReviews.TYPE, "/governance/reviews/panel/", true);
	}

	@Bean
	WorkflowActionHandler reviewHeldAction(ObjectProvider<ManagementReviews> reviews) {
		return WorkflowActionHandler.of("reviewHeld", (a, context) -> reviews.getObject().held(context));
	}

	@Bean
	WorkflowActionHandler reviewResolvedAction(ObjectProvider<ManagementReviews> reviews) {
		return WorkflowActionHandler.of("reviewResolved", (a, context) -> reviews.getObject().resolved(context));
	}

	@Bean
	PermissionContributor improvementPermissions() {
		return () -> List.of(new PermissionDefinition(NONCONFORMITY.readPermission(), "governance", null, READERS),
				new PermissionDefinition(NONCONFORMITY.writePermission(), "governance", null, READERS));
	}

	@Bean
	NavContributor improvementNavigation() {
		return () -> List.of(
				new NavItem(NavArea.GOVERNANCE, "nav.nonconformities", "/work/nonconformity", "exclamation-octagon",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.correctiveActions", "/work/capa", "check2-square",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.auditProgramme", "/governance/audit-programme", "calendar2-range",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.audits", "/work/audit", "search", NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.compliance", "/governance/compliance", "shield-lock",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.selfChecks", "/work/selfcheck", "shield-check",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.riskEvents", "/work/riskevent", "exclamation-diamond",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.reviews", "/work/mgmtreview", "people",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.GOVERNANCE, "nav.surveys", "/work/survey", "emoji-smile",
						NONCONFORMITY.readPermission()),
				new NavItem(NavArea.SERVICE_DESK, "nav.mySurveys", "/surveys", "ui-checks", null));
	}

	@Bean
	WorkItemPanel nonconformityPanel() {
		return WorkItemPanel.ofType(Nonconformities.TYPE, "/governance/nonconformities/panel/", true);
	}

	@Bean
	WorkflowActionHandler ncAnalysedAction(ObjectProvider<Nonconformities> nc) {
		return WorkflowActionHandler.of("ncAnalysed", (a, context) -> nc.getObject().analysed(context));
	}

	@Bean
	WorkflowActionHandler ncActionsDoneAction(ObjectProvider<Nonconformities> nc) {
		return WorkflowActionHandler.of("ncActionsDone", (a, context) -> nc.getObject().actionsDone(context));
	}

	@Bean
	WorkflowActionHandler ncVerifiedAction(ObjectProvider<Nonconformities> nc) {
		return WorkflowActionHandler.of("ncVerified",
				(a, context) -> nc.getObject().verified(context, "true".equals(a.param("effective"))));
	}

}
