package org.yunwei.platform.config;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event publication registry's upkeep: a module event whose listener failed (say the
 * search index could not be written) is delivered again after a while, and completed
 * publications are pruned after a week.
 */
@Component
class EventRegistryHousekeeping {

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	EventRegistryHousekeeping(IncompleteEventPublications incomplete, CompletedEventPublications completed) {
		this.incomplete = incomplete;
		this.completed = completed;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
	@SchedulerLock(name = "event-registry", lockAtMostFor = "PT10M")
	void run() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5));
		this.completed.deletePublicationsOlderThan(Duration.ofDays(7));
	}

}
