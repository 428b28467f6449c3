package org.yunwei.platform.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Every permission contributed by every module, in contribution order. */
@Component
public class PermissionCatalog {

	private final Map<String, PermissionDefinition> byCode = new LinkedHashMap<>();

	PermissionCatalog(List<PermissionContributor> contributors) {
		for (PermissionContributor contributor : contributors) {
			for (PermissionDefinition p : contributor.permissions()) {
				if (this.byCode.putIfAbsent(p.code(), p) != null) {
					throw new IllegalStateException("permission contributed twice: " + p.code());
				}
			}
		}
	}

	public List<PermissionDefinition> all() {
		return Collections.unmodifiableList(new ArrayList<>(this.byCode.values()));
	}

	public PermissionDefinition find(String code) {
		return this.byCode.get(code);
	}

	/**
	 * The areas in contribution order, each with its permissions (for the permission
	 * matrix).
	 */
	public Map<String, List<PermissionDefinition>> byArea() {
		Map<String, List<PermissionDefinition>> areas = new LinkedHashMap<>();
		for (PermissionDefinition p : this.byCode.values()) {
			areas.computeIfAbsent(p.area(), (a) -> new ArrayList<>()).add(p);
		}
		return areas;
	}

}
