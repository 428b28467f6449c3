package org.yunwei.governance;

import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.indicator.Indicators;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;

/** Who computes indicators and sets targets; the menu; the period-end computation. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

	@Bean
	PermissionContributor governancePermissions() {
		return () -> List.of(
				new PermissionDefinition(Governance.MANAGE, "governance", null,
						Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD")),
				new PermissionDefinition(Conformance.ASSESS, "governance", null, Set.of("MANAGEMENT_REP", "OM_HEAD")));
	}

	@Bean
	NavContributor governanceNavigation() {
		return () -> List.of(
				new NavItem(NavArea.GOVERNANCE, "nav.dashboard", "/governance/dashboard", "grid-1x2", Indicators.READ),
				new NavItem(NavArea.GOVERNANCE, "nav.conformance", "/governance/conformance", "diagram-3",
						Indicators.READ),
				new NavItem(NavArea.GOVERNANCE, "nav.indicators", "/governance/indicators", "bar-chart-line",
						Indicators.READ),
				new NavItem(NavArea.GOVERNANCE, "nav.monitoring", "/governance/monitoring", "clipboard-data",
						Indicators.READ),
				new NavItem(NavArea.GOVERNANCE, "nav.reports", "/governance/reports", "file-earmark-text",
						Indicators.READ));
	}

	/**
	 * Every hour, on one node: once a month, quarter or year has ended, its values are
	 * computed.
	 */
	@Component
	static class PeriodEnd {

		private static final Logger log = LoggerFactory.getLogger(PeriodEnd.class);

		private final Governance governance;

		private final Conformance conformance;

		PeriodEnd(Governance governance, Conformance conformance) {
			this.governance = governance;
			this.conformance = conformance;
		}

		@Scheduled(fixedDelayString = "${yunwei.governance.interval:PT1H}", initialDelayString = "PT2M")
		@SchedulerLock(name = "indicator-period-end", lockAtMostFor = "PT30M")
		void run() {
			List<String> done = this.governance.computeDue();
			if (!done.isEmpty()) {
				log.info("Key indicators computed for {}", done);
			}
			this.conformance.recordScores();
		}

	}

}
