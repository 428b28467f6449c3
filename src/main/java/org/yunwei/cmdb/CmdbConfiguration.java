package org.yunwei.cmdb;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.web.NavArea;
import org.yunwei.platform.web.NavContributor;
import org.yunwei.platform.web.NavItem;
import org.yunwei.workitem.ConfigurationItemNames;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemView;

/**
 * Who reads, records and manages configuration; the menu; the CI panel on tickets,
 * problems and changes; the CI names the kernel checks and shows.
 */
@Configuration(proxyBeanMethods = false)
class CmdbConfiguration {

	private static final Set<String> READERS = Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER",
			"ENGINEER", "SERVICE_DESK_AGENT");

	private static final Set<String> WRITERS = Set.of("OM_HEAD", "OM_MANAGER", "ENGINEER");

	private static final Set<String> MANAGERS = Set.of("OM_HEAD", "OM_MANAGER");

	/** The record types that name the CIs they are about. */
	static final Set<String> RECORDS = Set.of("incident", "request", "problem", "change", "release");

	@Bean
	PermissionContributor cmdbPermissions() {
		return () -> List.of(new PermissionDefinition(ConfigurationItems.READ, "cmdb", null, READERS),
				new PermissionDefinition(ConfigurationItems.WRITE, "cmdb", null, WRITERS),
				new PermissionDefinition(ConfigurationItems.MANAGE, "cmdb", null, MANAGERS));
	}

	@Bean
	NavContributor cmdbNavigation() {
		return () -> List.of(
				new NavItem(NavArea.CONFIGURATION, "nav.cmdb", "/cmdb", "hdd-network", ConfigurationItems.READ),
				new NavItem(NavArea.CONFIGURATION, "nav.cmdbAudits", "/cmdb/audits", "clipboard-check",
						ConfigurationItems.READ),
				new NavItem(NavArea.CONFIGURATION, "nav.cmdbClasses", "/cmdb/classes", "diagram-2",
						ConfigurationItems.MANAGE));
	}

	@Bean
	WorkItemPanel cmdbPanel() {
		return new WorkItemPanel() {
			@Override
			public Optional<String> url(WorkItemView item) {
				return RECORDS.contains(item.type()) ? Optional.of("/cmdb/panel/" + item.id()) : Optional.empty();
			}

			@Override
			public boolean live() {
				return false;
			}
		};
	}

	/** Read by the system for the kernel: a record names a CI whoever raises it. */
	@Bean
	ConfigurationItemNames configurationItemNames(NamedParameterJdbcTemplate jdbc) {
		return (Collection<Long> ids) -> {
			Map<Long, String> names = new HashMap<>();
			if (ids.isEmpty()) {
				return names;
			}
			jdbc.query("select id, number, name from cm_ci where id in (:ids)", new MapSqlParameterSource("ids", ids),
					(rs) -> {
						names.put(rs.getLong(1), rs.getString(2) + " " + rs.getString(3));
					});
			return names;
		};
	}

}
