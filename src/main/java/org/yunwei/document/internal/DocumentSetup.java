package org.yunwei.document.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.yunwei.document.DocumentManagement;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemType;

/**
 * Permissions, menu entry, the two work-item types (approval of a version, periodic
 * review), the document panel on their pages, and the daily job of documents.
 */
@Configuration(proxyBeanMethods = false)
class DocumentSetup {

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WRITERS = Set.of("MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER", "ENGINEER");

	private static final Set<String> MANAGERS = Set.of("MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER");

	static final WorkItemType APPROVAL = new WorkItemType(DocumentManagement.APPROVAL_TYPE, "DA", "document",
			"workflows/docapproval.json", "file-earmark-check");

	static final WorkItemType REVIEW = new WorkItemType(DocumentManagement.REVIEW_TYPE, "DR", "document",
			"workflows/docreview.json", "file-earmark-medical");

	@Bean
	WorkItemType documentApprovalType() {
		return APPROVAL;
	}

	@Bean
	WorkItemType documentReviewType() {
		return REVIEW;
	}

	@Bean
	PermissionContributor documentPermissions() {
		return () -> List.of(new PermissionDefinition(DocumentManagement.READ, "document", null, READERS),
				new PermissionDefinition(DocumentManagement.WRITE, "document", null, WRITERS),
				new PermissionDefinition(DocumentManagement.MANAGE, "document", null, MANAGERS));
	}

	@Bean
	NavContributor documentNavigation() {
		return () -> List.of(new NavItem(NavArea.GOVERNANCE, "nav.documents", "/documents", "file-earmark-text",
				DocumentManagement.READ));
	}

	/** The document and version an approval or review is about, on that record's page. */
	@Bean
	WorkItemPanel documentPanel() {
		return (item) -> (APPROVAL.code().equals(item.type()) || REVIEW.code().equals(item.type()))
				? Optional.of("/documents/panel/" + item.id()) : Optional.empty();
	}

	/**
	 * Every hour, on one node: approved versions whose day has come take effect, and
	 * owners are given the reviews falling due.
	 */
	@Component
	static class DocumentJob {

		private static final Logger log = LoggerFactory.getLogger(DocumentJob.class);

		private final DocumentManagement documents;

		DocumentJob(DocumentManagement documents) {
			this.documents = documents;
		}

		@Scheduled(fixedDelayString = "${yunwei.documents.interval:PT1H}",
				initialDelayString = "${yunwei.documents.initial-delay:PT1M}")
		@SchedulerLock(name = "documents", lockAtMostFor = "PT30M")
		void run() {
			int effective = this.documents.takeEffectDue();
			int opened = 0;
			for (long id : this.documents.reviewsToOpen()) {
				try {
					if (this.documents.openReview(id).isPresent()) {
						opened++;
					}
				}
				catch (DomainException ex) {
					log.warn("document {}: its review could not be opened: {}", id, ex.messageKey());
				}
			}
			if (effective + opened > 0) {
				log.info("documents: {} versions took effect, {} reviews opened", effective, opened);
			}
		}

	}

}
