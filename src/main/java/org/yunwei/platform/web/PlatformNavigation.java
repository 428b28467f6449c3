package org.yunwei.platform.web;

import java.util.List;

import org.springframework.stereotype.Component;

/** The kernel's own screens: system administration and the audit trail. */
@Component
class PlatformNavigation implements NavContributor {

	@Override
	public List<NavItem> items() {
		return List.of(new NavItem(NavArea.SYSTEM, "nav.users", "/admin/users", "people", "user:read"),
				new NavItem(NavArea.SYSTEM, "nav.departments", "/admin/departments", "diagram-3", "department:read"),
				new NavItem(NavArea.SYSTEM, "nav.groups", "/admin/groups", "person-workspace", "group:read"),
				new NavItem(NavArea.SYSTEM, "nav.roles", "/admin/roles", "shield-lock", "role:read"),
				new NavItem(NavArea.SYSTEM, "nav.policy", "/admin/policy", "key", "policy:write"),
				new NavItem(NavArea.SYSTEM, "nav.sensitive", "/admin/sensitive", "eye", "sensitive:write"),
				new NavItem(NavArea.SYSTEM, "nav.searchIndex", "/admin/search", "search", "search:manage"),
				new NavItem(NavArea.SYSTEM, "nav.audit", "/audit", "journal-check", "audit:read"));
	}

}
