package org.yunwei.governance.web;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.governance.StandardCatalogue;
import org.yunwei.governance.Governance;
import org.yunwei.governance.IndicatorView;
import org.yunwei.governance.Requirement;
import org.yunwei.governance.StoredValue;
import org.yunwei.platform.NotFound;

/**
 * The conformance engine over REST: the 109 key indicators with their definitions and
 * targets, computing a period, the stored values of an indicator and one value with the
 * records behind it; the requirements of the standard.
 */
@RestController
@RequestMapping("/api/v1/governance")
@Tag(name = "Governance")
class GovernanceApiController {

	private final Governance governance;

	private final StandardCatalogue catalogue;

	private final org.yunwei.governance.Conformance conformance;

	GovernanceApiController(Governance governance, StandardCatalogue catalogue,
			org.yunwei.governance.Conformance conformance) {
		this.governance = governance;
		this.catalogue = catalogue;
		this.conformance = conformance;
	}

	@GetMapping("/conformance")
	@Operation(summary = "The clause tree judged now: each clause's status and score, each leaf's evidence rules")
	List<org.yunwei.governance.ClauseView> conformance() {
		return this.conformance.tree();
	}

	@GetMapping("/conformance/{clause}")
	org.yunwei.governance.ClauseView clause(@PathVariable String clause) {
		return this.conformance.clause(clause);
	}

	/** An assessor's judgement as it is recorded. */
	record AssessmentInput(org.yunwei.governance.ClauseStatus verdict, String evidence) {
	}

	@PostMapping("/conformance/{clause}/assessments")
	@Operation(summary = "Record an assessor's judgement of a clause (MET, PARTLY, NOT_MET) with the evidence seen")
	org.yunwei.governance.ClauseView assess(@PathVariable String clause, @RequestBody AssessmentInput input) {
		org.yunwei.governance.ClauseView v = this.conformance.assess(clause, input.verdict(), input.evidence());
		this.conformance.refreshScores();
		return v;
	}

	@GetMapping("/indicators")
	@Operation(summary = "All 109 key indicators: code, clause, names, method, unit, period, direction, target")
	List<IndicatorView> indicators() {
		return this.governance.indicators();
	}

	@GetMapping("/indicators/{code}")
	IndicatorView indicator(@PathVariable String code) {
		return this.governance.indicator(code);
	}

	/** A target as it is set. */
	record TargetInput(BigDecimal target, String reason, Integer version) {
	}

	@PutMapping("/indicators/{code}/target")
	@Operation(summary = "Set the organisation's target for an indicator in place of the shipped default")
	IndicatorView target(@PathVariable String code, @RequestBody TargetInput input) {
		return this.governance.setTarget(code, input.target(), input.reason(), input.version());
	}

	@PostMapping("/indicators/compute")
	@Operation(summary = "Compute and store every computed indicator for a period (2026-10, 2026-Q4, 2026);"
			+ " computing again replaces the stored values")
	List<StoredValue> compute(@RequestParam String period) {
		return this.governance.compute(period);
	}

	@PostMapping("/indicators/{code}/compute")
	StoredValue computeOne(@PathVariable String code, @RequestParam String period) {
		return this.governance.compute(code, period);
	}

	/** An assessed value as it is recorded. */
	record AssessedValue(String period, BigDecimal value, String note) {
	}

	@PostMapping("/indicators/{code}/assessments")
	@Operation(summary = "Record an assessor's value of an assessed indicator for a period, with the evidence seen")
	StoredValue assess(@PathVariable String code, @RequestBody AssessedValue input) {
		return this.governance.assess(code, (input.period() == null) ? "" : input.period(), input.value(),
				input.note());
	}

	@GetMapping("/indicators/{code}/values")
	@Operation(summary = "The stored values of an indicator between two periods (of the kind of from), oldest first")
	List<StoredValue> values(@PathVariable String code, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return this.governance.values(code, from, to);
	}

	@GetMapping("/indicators/{code}/values/{period}")
	@Operation(summary = "One stored value with the records behind it (each marked counted or not) and its breakdown")
	StoredValue value(@PathVariable String code, @PathVariable String period) {
		return this.governance.value(code, period)
			.orElseThrow(() -> NotFound.of("indicatorValue", code + "@" + period));
	}

	@GetMapping("/requirements")
	@Operation(summary = "The lettered requirements of the standard, summarised with the evidence that meets them")
	List<Requirement> requirements() {
		return this.catalogue.requirements();
	}

}
