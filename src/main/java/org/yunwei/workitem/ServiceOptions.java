package org.yunwei.workitem;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The services a work item may be about, offered by the service catalogue (module
 * {@code servicelevel}); the kernel names and checks services through it without
 * depending on that module.
 */
public interface ServiceOptions {

	/** The services in use, by name, for pickers. */
	List<Option> activeServices();

	/** The names of services by id (unknown ids are left out). */
	Map<Long, String> names(Collection<Long> ids);

	boolean isActive(long id);

	/** A service as a picker offers it. */
	record Option(long id, String code, String name) {
	}

}
