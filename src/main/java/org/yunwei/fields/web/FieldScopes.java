package org.yunwei.fields.web;

import java.util.List;

import org.springframework.stereotype.Component;

import org.yunwei.fields.FieldScope;
import org.yunwei.platform.NotFound;

/** The kinds of record the modules open to custom fields, found by scope code. */
@Component
class FieldScopes {

	private final List<FieldScope> all;

	FieldScopes(List<FieldScope.Contributor> contributors) {
		this.all = contributors.stream().flatMap((c) -> c.scopes().stream()).toList();
	}

	List<FieldScope> all() {
		return this.all;
	}

	/** The scope of that code; the first one when none is named (a 404 when unknown). */
	FieldScope get(String scope) {
		if (scope == null && !this.all.isEmpty()) {
			return this.all.get(0);
		}
		return this.all.stream()
			.filter((s) -> s.scope().equals(scope))
			.findFirst()
			.orElseThrow(() -> NotFound.of("fieldScope", String.valueOf(scope)));
	}

}
