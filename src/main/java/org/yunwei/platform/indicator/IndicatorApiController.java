package org.yunwei.platform.indicator;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.identity.PermissionContributor;
import org.yunwei.platform.identity.PermissionDefinition;

/** The computed key indicators over REST: their definitions, and a value for a period. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators")
class IndicatorApiController {

	private final Indicators indicators;

	IndicatorApiController(Indicators indicators) {
		this.indicators = indicators;
	}

	@GetMapping
	@Operation(summary = "The key indicators computed from records, with their formulas")
	List<IndicatorDefinition> definitions() {
		return this.indicators.definitions();
	}

	@GetMapping("/{code}")
	@Operation(summary = "An indicator's value for a period (2026-11, 2026-Q4 or 2026), with the records behind it")
	IndicatorValue value(@PathVariable String code, @RequestParam String period) {
		return this.indicators.compute(code, period);
	}

	/** Who may read the indicators. */
	@Configuration(proxyBeanMethods = false)
	static class Permissions {

		@Bean
		PermissionContributor indicatorPermissions() {
			return () -> List.of(new PermissionDefinition(Indicators.READ, "governance", null,
					java.util.Set.of("TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER")));
		}

	}

}
