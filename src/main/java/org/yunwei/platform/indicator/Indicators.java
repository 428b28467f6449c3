package org.yunwei.platform.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.identity.AccessControl;

/**
 * The indicators the modules compute, on demand for a period. (The governance module will
 * keep them per period and compare them with their targets.)
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

	public static final String READ = "indicator:read";

	private final List<IndicatorSource> sources;

	private final AccessControl access;

	Indicators(List<IndicatorSource> sources, AccessControl access) {
		this.sources = sources;
		this.access = access;
	}

	public List<IndicatorDefinition> definitions() {
		this.access.require(READ);
		List<IndicatorDefinition> all = new ArrayList<>();
		this.sources.forEach((s) -> all.addAll(s.indicators()));
		all.sort(Comparator.comparing(IndicatorDefinition::code));
		return all;
	}

	public IndicatorValue compute(String code, String period) {
		this.access.require(READ);
		ReportingPeriod p = ReportingPeriod.parse(period);
		for (IndicatorSource s : this.sources) {
			if (s.indicators().stream().anyMatch((d) -> d.code().equals(code))) {
				return s.compute(code, p);
			}
		}
		throw NotFound.of("indicator", code);
	}

}
