package org.yunwei.governance.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.yunwei.governance.IndicatorSpec;
import org.yunwei.governance.StandardCatalogue;
import org.yunwei.platform.web.RecordLink;

/**
 * A key indicator or a clause (by its place in the catalogue) opens on its page: the
 * indicator's, or the clause's judgement.
 */
@Component
class IndicatorRecordLink implements RecordLink {

	private final StandardCatalogue catalogue;

	IndicatorRecordLink(StandardCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public Set<String> types() {
		return Set.of("indicator", "clause");
	}

	@Override
	public Optional<String> path(String type, long id) {
		if ("clause".equals(type)) {
			List<org.yunwei.platform.standard.Clause> clauses = this.catalogue.clauses().all();
			return (id < 0 || id >= clauses.size()) ? Optional.empty()
					: Optional.of("/governance/conformance/" + clauses.get((int) id).number());
		}
		List<IndicatorSpec> all = this.catalogue.indicators();
		return (id < 0 || id >= all.size()) ? Optional.empty()
				: Optional.of("/governance/indicators/" + all.get((int) id).code());
	}

}
