package org.yunwei.schedule.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.yunwei.schedule.RecurringWork;

/** Every minute, on one node, creates the work items of occurrences that have come. */
@Component
class RecurringWorkJob {

	private static final Logger log = LoggerFactory.getLogger(RecurringWorkJob.class);

	private final RecurringWork work;

	private final Clock clock;

	RecurringWorkJob(RecurringWork work, Clock clock) {
		this.work = work;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${yunwei.schedule.interval:PT1M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "recurring-work", lockAtMostFor = "PT10M")
	void run() {
		int created = this.work.generate(this.clock.instant());
		if (created > 0) {
			log.info("Recurring work: created {} work items", created);
		}
	}

}
