package org.yunwei.workitem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.yunwei.platform.NotFound;

/** The work-item types the modules declared. */
@Component
public class WorkItemTypes {

	private final Map<String, WorkItemType> byCode = new LinkedHashMap<>();

	WorkItemTypes(List<WorkItemType> types) {
		for (WorkItemType t : types) {
			if (!t.code().matches("[a-z][a-zA-Z0-9]{0,29}") || !t.prefix().matches("[A-Z]{1,6}")) {
				throw new IllegalStateException("bad work-item type code or prefix: " + t);
			}
			if (this.byCode.put(t.code(), t) != null) {
				throw new IllegalStateException("work-item type declared twice: " + t.code());
			}
		}
	}

	public WorkItemType get(String code) {
		WorkItemType type = this.byCode.get(code);
		if (type == null) {
			throw NotFound.of("workItemType", code);
		}
		return type;
	}

	public List<WorkItemType> all() {
		return List.copyOf(this.byCode.values());
	}

}
