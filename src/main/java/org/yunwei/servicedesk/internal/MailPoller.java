package org.yunwei.servicedesk.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.yunwei.servicedesk.MailIntake;

/**
 * Polls the service mailbox every {@code yunwei.mail.intake.interval} (one node at a
 * time), when one is configured.
 */
@Component
class MailPoller {

	private final MailIntake intake;

	private final MailIntakeSettings settings;

	MailPoller(MailIntake intake, MailIntakeSettings settings) {
		this.intake = intake;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${yunwei.mail.intake.interval:PT1M}", initialDelayString = "PT20S")
	@SchedulerLock(name = "mail-intake", lockAtMostFor = "PT10M")
	void poll() {
		if (this.settings.configured()) {
			// what the intake writes in journals is in the organisation's language
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
			try {
				this.intake.poll();
			}
			finally {
				org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
			}
		}
	}

}
