package org.yunwei.change.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.change.ChangeType;
import org.yunwei.change.Changes;
import org.yunwei.workitem.Workflows;

/**
 * On first start, the workflows of standard and emergency changes (variants of the change
 * type's), right after the kernel installs the types' own and before anything raises a
 * change.
 */
@Component
@Order(11)
class ChangeWorkflowInstaller implements ApplicationRunner {

	private final Workflows workflows;

	ChangeWorkflowInstaller(Workflows workflows) {
		this.workflows = workflows;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.workflows.installVariant(Changes.TYPE, ChangeType.STANDARD.variant(), "workflows/change-standard.json",
				"system");
		this.workflows.installVariant(Changes.TYPE, ChangeType.EMERGENCY.variant(), "workflows/change-emergency.json",
				"system");
	}

}
