package org.yunwei.fields.web;

import java.util.List;

import org.springframework.stereotype.Component;

import org.yunwei.fields.FieldScope;
import org.yunwei.platform.NotFound;

/** The kinds of record the modules open to custom fields, found by scope code. */
@Component
class FieldScopes {

	private final List<FieldScope.Contributor> contributors;

	FieldScopes(List<FieldScope.Contributor> contributors) {
		this.contributors = contributors;
	}

	/** Every scope, asked of the modules each time (catalogue items come and go). */
	List<FieldScope> all() {
		return this.contributors.stream().flatMap((c) -> c.scopes().stream()).toList();
	}

	/** The scope of that code; the first one when none is named (a 404 when unknown). */
	FieldScope get(String scope) {
		List<FieldScope> all = all();
		if (scope == null && !all.isEmpty()) {
			return all.get(0);
		}
		return all.stream()
			.filter((s) -> s.scope().equals(scope))
			.findFirst()
			.orElseThrow(() -> NotFound.of("fieldScope", String.valueOf(scope)));
	}

}
