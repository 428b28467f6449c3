package org.yunwei.knowledge;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.MyWorkContributor;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkflowActionHandler;

/**
 * Who reads, writes and manages knowledge; the review work-item type and its two workflow
 * actions ({@code knowledgePublish}, {@code knowledgeReject}); the menu; the knowledge
 * panel on tickets and on review items; the owner's articles due for review in "My work".
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

	static final WorkItemType APPROVAL = new WorkItemType(Knowledge.APPROVAL_TYPE, "KBA", "knowledge",
			"workflows/kbapproval.json", "journal-check");

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WRITERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> MANAGERS = Set.of("OM_HEAD", "OM_MANAGER");

	private static final Set<String> TICKETS = Set.of("incident", "request", "problem");

	@Bean
	WorkItemType knowledgeApprovalType() {
		return APPROVAL;
	}

	@Bean
	PermissionContributor knowledgePermissions() {
		return () -> List.of(new PermissionDefinition(Knowledge.READ, "knowledge", null, READERS),
				new PermissionDefinition(Knowledge.WRITE, "knowledge", null, WRITERS),
				new PermissionDefinition(Knowledge.MANAGE, "knowledge", null, MANAGERS));
	}

	@Bean
	NavContributor knowledgeNavigation() {
		return () -> List.of(
				new NavItem(NavArea.SERVICE_DESK, "nav.knowledge", "/knowledge", "journal-text", Knowledge.READ),
				new NavItem(NavArea.SERVICE_DESK, "nav.knowledgeGaps", "/knowledge/gaps", "bar-chart-steps",
						Knowledge.MANAGE));
	}

	@Bean
	WorkflowActionHandler knowledgePublishAction(ObjectProvider<Knowledge> knowledge) {
		return WorkflowActionHandler.of("knowledgePublish", (action, context) -> knowledge.getObject()
			.approved(context.item().id(), context.actor().map((u) -> u.id()).orElse(null)));
	}

	@Bean
	WorkflowActionHandler knowledgeRejectAction(ObjectProvider<Knowledge> knowledge) {
		return WorkflowActionHandler.of("knowledgeReject",
				(action, context) -> knowledge.getObject().rejected(context.item().id()));
	}

	/**
	 * On a ticket: articles suggested from its words, those applied on it, and drafting
	 * one from it once resolved; on a review item: the article under review.
	 */
	@Bean
	WorkItemPanel knowledgePanel() {
		return new WorkItemPanel() {
			@Override
			public Optional<String> url(WorkItemView item) {
				if (TICKETS.contains(item.type())) {
					return Optional.of("/knowledge/panel/" + item.id());
				}
				return Knowledge.APPROVAL_TYPE.equals(item.type())
						? Optional.of("/knowledge/approval-panel/" + item.id()) : Optional.empty();
			}

			@Override
			public boolean live() {
				return false;
			}
		};
	}

	/** The signed-in owner's articles due for review. */
	@Bean
	MyWorkContributor knowledgeReviews(ObjectProvider<Knowledge> knowledge,
			org.yunwei.platform.identity.AccessControl access, org.springframework.context.MessageSource messages,
			@org.springframework.beans.factory.annotation.Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		return (limit) -> {
			var me = access.current().orElse(null);
			if (me == null || !me.has(Knowledge.WRITE)) {
				return List.of();
			}
			return knowledge.getObject()
				.reviewDue(me.id(), limit)
				.stream()
				.map((a) -> new MyWorkContributor.Entry(a.number(), a.title(), "knowledge.reviewDueEntry",
						messages.getMessage("knowledge.reviewDue", null,
								org.springframework.context.i18n.LocaleContextHolder.getLocale()),
						"WAITING", 4,
						(a.nextReviewOn() == null) ? null
								: a.nextReviewOn()
									.atTime(LocalTime.of(17, 30))
									.atZone(java.time.ZoneId.of(zone))
									.toInstant(),
						"/knowledge/" + a.number()))
				.toList();
		};
	}

}
