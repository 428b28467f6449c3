package org.yunwei.servicelevel;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.yunwei.platform.identity.Directory;

/** A service of the catalogue with its level agreement (null until one is agreed). */
public record ServiceView(long id, int version, String code, String name, String description, Directory.Entry owner,
		List<Directory.Entry> departments, boolean active, ServiceLevelView level, Instant createdAt,
		Instant updatedAt) {

	/**
	 * Whether the catalogue entry is complete as 8.3.1 asks: an owner, the departments
	 * served, and a complete level agreement.
	 */
	@JsonProperty
	public boolean complete() {
		return this.owner != null && !this.departments.isEmpty() && this.level != null && this.level.complete();
	}

}
