package org.yunwei.servicelevel.internal;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.servicelevel.ServiceCatalogue;
import org.yunwei.servicelevel.ServiceLevels;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemType;

/** Permissions, menu entries, the record panel and the clock job of service levels. */
@Configuration(proxyBeanMethods = false)
class ServiceLevelSetup {

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> MANAGERS = Set.of("OM_HEAD", "OM_MANAGER");

	/**
	 * The periodic service-level review (8.3.1 b, e): scheduled as a recurring activity
	 * on a service, its findings recorded when it is completed.
	 */
	static final WorkItemType REVIEW = new WorkItemType("slreview", "SLR", "slreview", "workflows/slreview.json",
			"clipboard-check");

	@Bean
	WorkItemType serviceLevelReviewType() {
		return REVIEW;
	}

	@Bean
	PermissionContributor serviceLevelPermissions() {
		return () -> List.of(new PermissionDefinition(ServiceCatalogue.READ, "servicelevel", null, READERS),
				new PermissionDefinition(ServiceCatalogue.WRITE, "servicelevel", null, MANAGERS),
				new PermissionDefinition(ServiceLevels.RECALCULATE, "servicelevel", null, Set.of("OM_HEAD")),
				new PermissionDefinition(REVIEW.readPermission(), "servicelevel", null, READERS),
				new PermissionDefinition(REVIEW.writePermission(), "servicelevel", null, MANAGERS));
	}

	@Bean
	NavContributor serviceLevelNavigation() {
		return () -> List.of(
				new NavItem(NavArea.PROCESSES, "nav.services", "/services", "journal-bookmark", ServiceCatalogue.READ),
				new NavItem(NavArea.PROCESSES, "nav.slaReport", "/services/attainment", "speedometer2",
						ServiceCatalogue.READ));
	}

	/** The SLA clocks panel on every work item's page. */
	@Bean
	WorkItemPanel slaClocksPanel() {
		return (item) -> Optional.of("/sla/work-items/" + item.id());
	}

	/** Every minute, on one node, marks warnings and breaches and escalates them. */
	@Component
	static class SlaJob {

		private static final Logger log = LoggerFactory.getLogger(SlaJob.class);

		private final SlaEngine engine;

		private final TransactionTemplate tx;

		private final java.time.Clock clock;

		SlaJob(SlaEngine engine, PlatformTransactionManager transactions, java.time.Clock clock) {
			this.engine = engine;
			this.tx = new TransactionTemplate(transactions);
			this.clock = clock;
		}

		@Scheduled(fixedDelayString = "${yunwei.sla.interval:PT1M}",
				initialDelayString = "${yunwei.sla.initial-delay:PT20S}")
		@SchedulerLock(name = "sla-clocks", lockAtMostFor = "PT10M")
		void run() {
			Integer n = this.tx.execute((s) -> this.engine.tick(this.clock.instant()));
			if (n != null && n > 0) {
				log.info("SLA clocks: {} warnings or breaches", n);
			}
		}

	}

}
