package org.yunwei.fields;

import java.util.List;

/**
 * A kind of record that takes custom fields, declared by the module that owns it (each
 * work-item type, later each CI class): its scope code and the message key of its name.
 */
public record FieldScope(String scope, String nameKey) {

	/** A module's kinds of record that take custom fields. */
	public interface Contributor {

		List<FieldScope> scopes();

	}

}
