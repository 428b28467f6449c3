package org.yunwei.workitem.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowView;
import org.yunwei.workitem.Workflows;

/** Workflow definitions over REST: read, check, save a new version, draw. */
@RestController
@RequestMapping("/api/v1/workflows")
@Tag(name = "Workflows")
class WorkflowApiController {

	private final Workflows workflows;

	WorkflowApiController(Workflows workflows) {
		this.workflows = workflows;
	}

	@GetMapping("/{type}")
	@Operation(summary = "The workflow new records of the type start on")
	WorkflowView current(@PathVariable String type, @RequestParam(required = false) String variant) {
		return this.workflows.current(type, variant);
	}

	@GetMapping("/{type}/versions")
	@Operation(summary = "Every saved version, newest first")
	List<WorkflowView> versions(@PathVariable String type, @RequestParam(required = false) String variant) {
		return this.workflows.history(type, variant);
	}

	@PutMapping(path = "/{type}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save a new version (the body is the definition)")
	WorkflowView save(@PathVariable String type, @RequestParam(required = false) String variant,
			@RequestBody String definition) {
		return this.workflows.save(type, variant, definition);
	}

	@PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Check a definition without saving it")
	WorkflowDefinition check(@RequestBody String definition) {
		return this.workflows.check(definition);
	}

	@GetMapping(path = "/{type}/diagram", produces = "image/svg+xml")
	@Operation(summary = "The current version drawn as SVG")
	String diagram(@PathVariable String type, @RequestParam(defaultValue = "zh") String lang) {
		WorkflowView current = this.workflows.current(type);
		return this.workflows.diagram(current.definition(), lang, null, java.util.Set.of(), java.util.Set.of());
	}

}
