package org.yunwei.capacity.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.capacity.Capacity;
import org.yunwei.capacity.CapacityPlanView;
import org.yunwei.capacity.Forecast;
import org.yunwei.capacity.MetricFormData;
import org.yunwei.capacity.MetricView;

/**
 * Capacity over REST: capacity records, their measurements (a monitoring tool posts them)
 * and forecast, capacity plans and their approval, a capacity report's content.
 */
@RestController
@RequestMapping("/api/v1/capacity")
@Tag(name = "Capacity")
class CapacityApiController {

	private final Capacity capacity;

	CapacityApiController(Capacity capacity) {
		this.capacity = capacity;
	}

	@GetMapping("/metrics")
	@Operation(summary = "The capacity records with latest value, threshold and forecast (slope, crossing date)")
	List<MetricView> metrics() {
		return this.capacity.metrics();
	}

	@PostMapping("/metrics")
	ResponseEntity<MetricView> create(@Valid @RequestBody MetricFormData form) {
		MetricView m = this.capacity.createMetric(form);
		return ResponseEntity.created(URI.create("/api/v1/capacity/metrics/" + m.id())).body(m);
	}

	@GetMapping("/metrics/{id}")
	MetricView metric(@PathVariable long id) {
		return this.capacity.metric(id);
	}

	@PutMapping("/metrics/{id}")
	MetricView update(@PathVariable long id, @Valid @RequestBody MetricFormData form) {
		return this.capacity.updateMetric(id, form);
	}

	@GetMapping("/metrics/{id}/measurements")
	List<Forecast.Point> history(@PathVariable long id) {
		return this.capacity.history(id);
	}

	@PostMapping("/metrics/{id}/measurements")
	@Operation(summary = "Record measurements (a day measured again takes the new value); all or nothing")
	MetricView record(@PathVariable long id, @RequestBody List<Capacity.MeasurementInput> measurements) {
		return this.capacity.record(id, measurements);
	}

	@GetMapping("/plans")
	List<CapacityPlanView> plans() {
		return this.capacity.plans();
	}

	@GetMapping("/plans/{id}")
	CapacityPlanView plan(@PathVariable long id) {
		return this.capacity.plan(id);
	}

	@PostMapping("/plans")
	ResponseEntity<CapacityPlanView> createPlan(@Valid @RequestBody Capacity.PlanInput plan) {
		CapacityPlanView p = this.capacity.createPlan(plan);
		return ResponseEntity.created(URI.create("/api/v1/capacity/plans/" + p.id())).body(p);
	}

	@PostMapping("/plans/{id}/approval")
	@Operation(summary = "Approve a plan (send the version read): the forecast of each record it covers is frozen")
	CapacityPlanView approve(@PathVariable long id, @RequestParam int version) {
		return this.capacity.approvePlan(id, version);
	}

	@GetMapping("/reports/{itemId}")
	@Operation(summary = "A capacity report's content (the work item of type capreport)")
	List<Capacity.ReportLine> report(@PathVariable long itemId) {
		return this.capacity.report(itemId);
	}

}
