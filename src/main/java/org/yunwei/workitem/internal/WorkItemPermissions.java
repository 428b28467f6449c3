package org.yunwei.workitem.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.workitem.Workflows;

/** The kernel's own permission: editing workflows (the process owner's job). */
@Component
class WorkItemPermissions implements PermissionContributor {

	@Override
	public List<PermissionDefinition> permissions() {
		return List.of(new PermissionDefinition(Workflows.WRITE, "process", null, Set.of("OM_MANAGER", "OM_HEAD")));
	}

}
