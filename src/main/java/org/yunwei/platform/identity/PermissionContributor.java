package org.yunwei.platform.identity;

import java.util.List;

/** Implemented by a module (as a bean) to contribute its permissions to the catalogue. */
public interface PermissionContributor {

	List<PermissionDefinition> permissions();

}
