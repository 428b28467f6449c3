package org.yunwei.notification.internal;

import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.yunwei.notification.Notifications;
import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;

/** The notification administrator's permission and menu entry, and the outbox job. */
@Configuration(proxyBeanMethods = false)
class NotificationSetup {

	@Bean
	PermissionContributor notificationPermissions() {
		return () -> List.of(new PermissionDefinition(Notifications.ADMIN, "notification", null,
				Set.of("SYSTEM_ADMIN", "OM_HEAD", "OM_MANAGER")));
	}

	@Bean
	NavContributor notificationNavigation() {
		return () -> List.of(new NavItem(NavArea.SYSTEM, "nav.notifications", "/admin/notifications", "megaphone",
				Notifications.ADMIN));
	}

	/** Every few seconds, on one node, sends the deliveries that are due. */
	@Component
	static class DeliveryJob {

		private final Notifications notifications;

		DeliveryJob(Notifications notifications) {
			this.notifications = notifications;
		}

		@Scheduled(fixedDelayString = "${yunwei.notification.interval:PT10S}",
				initialDelayString = "${yunwei.notification.initial-delay:PT15S}")
		@SchedulerLock(name = "notification-delivery", lockAtMostFor = "PT10M")
		void run() {
			this.notifications.deliverDue();
		}

	}

}
