package org.yunwei.workitem;

import java.util.Collection;
import java.util.Map;

/**
 * The configuration items a record may name, as the CMDB knows them: the kernel checks
 * that the CIs given on a record exist and shows them by number and name in its journal.
 */
public interface ConfigurationItemNames {

	/** "CI-000012 db-prod-01" by id; unknown ids are left out. */
	Map<Long, String> names(Collection<Long> ids);

}
