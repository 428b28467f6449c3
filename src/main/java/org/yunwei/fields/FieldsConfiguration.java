package org.yunwei.fields;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;

/** Who may define custom fields, and where. */
@Configuration(proxyBeanMethods = false)
class FieldsConfiguration {

	@Bean
	PermissionContributor fieldPermissions() {
		return () -> List
			.of(new PermissionDefinition(CustomFields.WRITE, "process", null, Set.of("OM_HEAD", "OM_MANAGER")));
	}

	@Bean
	NavContributor fieldNavigation() {
		return () -> List.of(new NavItem(NavArea.PROCESSES, "nav.customFields", "/admin/fields", "input-cursor-text",
				CustomFields.WRITE));
	}

}
