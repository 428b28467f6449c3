package org.yunwei.workitem.internal;

import java.time.Clock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.Workflows;

/**
 * On start: installs each type's shipped workflow when it has none, and prepares the
 * numbering sequences of this year and the next; daily, the next year's again.
 */
@Component
@Order(10)
class WorkflowInstaller implements ApplicationRunner {

	private final WorkItemTypes types;

	private final Workflows workflows;

	private final WorkItemNumbers numbers;

	private final Clock clock;

	WorkflowInstaller(WorkItemTypes types, Workflows workflows, WorkItemNumbers numbers, Clock clock) {
		this.types = types;
		this.workflows = workflows;
		this.numbers = numbers;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.types.all().forEach(this.workflows::installDefault);
		prepareNumbers();
	}

	@Scheduled(cron = "0 17 3 * * *")
	void prepareNumbers() {
		this.types.all().forEach((t) -> this.numbers.prepare(t.code(), this.clock.instant()));
	}

}
