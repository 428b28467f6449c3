package org.yunwei.cmdb.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.cmdb.AttributeFormData;
import org.yunwei.cmdb.ChangeSource;
import org.yunwei.cmdb.CiClassFormData;
import org.yunwei.cmdb.CiClassView;
import org.yunwei.cmdb.CiClasses;
import org.yunwei.cmdb.CiFilter;
import org.yunwei.cmdb.CiFormData;
import org.yunwei.cmdb.CiImport;
import org.yunwei.cmdb.ConfigurationAudits;
import org.yunwei.cmdb.CiHistoryEntry;
import org.yunwei.cmdb.CiRow;
import org.yunwei.cmdb.CiState;
import org.yunwei.cmdb.CiView;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.cmdb.ImpactGraph;
import org.yunwei.cmdb.RelationTypeView;
import org.yunwei.cmdb.RelationView;
import org.yunwei.platform.KeysetPage;
import org.yunwei.workitem.WorkItemRow;

/** The CMDB over REST: the class model, CIs, relations, impact and history. */
@RestController
@RequestMapping("/api/v1/cmdb")
@Tag(name = "Configuration")
class CmdbApiController {

	private final CiClasses classes;

	private final ConfigurationItems cis;

	private final CiImport importer;

	private final ConfigurationAudits audits;

	CmdbApiController(CiClasses classes, ConfigurationItems cis, CiImport importer, ConfigurationAudits audits) {
		this.audits = audits;
		this.classes = classes;
		this.cis = cis;
		this.importer = importer;
	}

	/**
	 * A baseline to take: its name and scope (a class with those below it, a service, or
	 * all).
	 */
	record NewBaseline(@NotBlank @Size(max = 200) String name, @Size(max = 40) String classCode, Long serviceId) {
	}

	@GetMapping("/baselines")
	@Operation(summary = "Configuration baselines, newest first, with their audits")
	List<ConfigurationAudits.Baseline> baselines() {
		return this.audits.baselines();
	}

	@PostMapping("/baselines")
	@Operation(summary = "Take a baseline: freeze the CIs of a scope as recorded now")
	ResponseEntity<ConfigurationAudits.Baseline> takeBaseline(@Valid @RequestBody NewBaseline body) {
		ConfigurationAudits.Baseline b = this.audits.take(body.name(), body.classCode(), body.serviceId());
		return ResponseEntity.created(URI.create("/api/v1/cmdb/baselines/" + b.id())).body(b);
	}

	@GetMapping("/baselines/{id}")
	@Operation(summary = "A baseline and its audits")
	ConfigurationAudits.Baseline baseline(@PathVariable long id) {
		return this.audits.baseline(id);
	}

	@PostMapping("/baselines/{id}/audits")
	@Operation(summary = "Audit the CMDB against the baseline: CIs added, removed, every field changed, and whether"
			+ " a change explains it (unauthorised when none does)")
	ResponseEntity<ConfigurationAudits.AuditReport> audit(@PathVariable long id) {
		ConfigurationAudits.AuditReport r = this.audits.run(id);
		return ResponseEntity.created(URI.create("/api/v1/cmdb/audits/" + r.summary().id())).body(r);
	}

	@GetMapping("/audits/{id}")
	@Operation(summary = "An audit's report: its figures and every difference found")
	ConfigurationAudits.AuditReport auditReport(@PathVariable long id) {
		return this.audits.report(id);
	}

	@PostMapping(path = "/import", consumes = "multipart/form-data")
	@Operation(summary = "Import CIs of a class from CSV or Excel (field \"file\"), reconciled by identity:"
			+ " dryRun=true previews each row (create, the fields it changes, or its problems); otherwise all or none")
	CiImport.Preview importFile(@RequestParam(name = "class") String classCode,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
		return dryRun ? this.importer.preview(classCode, file.getOriginalFilename(), file.getBytes())
				: this.importer.importAll(classCode, file.getOriginalFilename(), file.getBytes());
	}

	/**
	 * What a discovery tool found: items with name and attributes by code (and other
	 * fields).
	 */
	record Discovered(@Size(max = 100) String source,
			@jakarta.validation.constraints.NotNull @Size(max = 10000) List<java.util.Map<String, String>> items) {
	}

	@PostMapping("/reconciliation")
	@Operation(summary = "Reconcile what a discovery tool found with the CMDB: identified CIs changed (never"
			+ " silently: the report lists every field), new ones recorded; dryRun=true only reports")
	CiImport.Preview reconcile(@RequestParam(name = "class") String classCode,
			@RequestParam(defaultValue = "false") boolean dryRun, @Valid @RequestBody Discovered body) {
		return this.importer.reconcile(classCode, body.items(), body.source(), dryRun);
	}

	@GetMapping("/classes")
	@Operation(summary = "The CI classes, depth first, each with its attributes (inherited ones first)")
	List<CiClassView> classes() {
		return this.classes.tree();
	}

	@GetMapping("/classes/{code}")
	@Operation(summary = "A CI class with its attributes")
	CiClassView cls(@PathVariable String code) {
		return this.classes.get(code);
	}

	@PostMapping("/classes")
	@Operation(summary = "Add a CI class (under a parent: it inherits the parent's attributes)")
	ResponseEntity<CiClassView> createClass(@Valid @RequestBody CiClassFormData form) {
		CiClassView c = this.classes.create(form);
		return ResponseEntity.created(URI.create("/api/v1/cmdb/classes/" + c.code())).body(c);
	}

	@PutMapping("/classes/{code}")
	@Operation(summary = "Change a CI class (send the version read); withdraw it with active=false")
	CiClassView updateClass(@PathVariable String code, @Valid @RequestBody CiClassFormData form) {
		return this.classes.update(code, form);
	}

	@PostMapping("/classes/{code}/attributes")
	@Operation(summary = "Add an attribute (type, required, unique, identifying) to a class and those below it")
	ResponseEntity<CiClassView> addAttribute(@PathVariable String code, @Valid @RequestBody AttributeFormData form) {
		CiClassView c = this.classes.addAttribute(code, form);
		return ResponseEntity.created(URI.create("/api/v1/cmdb/classes/" + c.code())).body(c);
	}

	@PutMapping("/classes/{code}/attributes/{attribute}")
	@Operation(summary = "Change an attribute; unique or identifying is refused while CIs share a value")
	CiClassView updateAttribute(@PathVariable String code, @PathVariable String attribute,
			@Valid @RequestBody AttributeFormData form) {
		return this.classes.updateAttribute(code, attribute, form);
	}

	@GetMapping("/relation-types")
	@Operation(summary = "The kinds of relation, read source to target and back")
	List<RelationTypeView> relationTypes() {
		return this.cis.relationTypes();
	}

	@GetMapping("/cis")
	@Operation(summary = "CIs in name order (keyset paging); class includes the classes below it; retired ones only"
			+ " with state=RETIRED")
	KeysetPage<CiRow> list(@RequestParam(name = "class", required = false) String classCode,
			@RequestParam(required = false) CiState state, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long serviceId,
			@RequestParam(required = false) Long locationId, @RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) String after, @RequestParam(required = false) Integer size) {
		return this.cis.list(new CiFilter(classCode, state, groupId, ownerId, serviceId, locationId, q), after, size);
	}

	@PostMapping("/cis")
	@Operation(summary = "Record a CI: class, name, state, owner, group, location, service and attribute values")
	ResponseEntity<CiView> create(@RequestBody CiFormData form) {
		CiView ci = this.cis.create(form, ChangeSource.API);
		return ResponseEntity.created(URI.create("/api/v1/cmdb/cis/" + ci.number())).body(ci);
	}

	@GetMapping("/cis/{number}")
	@Operation(summary = "A CI with its class and values")
	CiView get(@PathVariable String number) {
		return this.cis.get(number);
	}

	@PutMapping("/cis/{number}")
	@Operation(summary = "Save a CI (send the version read, a reason and the change it is made under)")
	CiView update(@PathVariable String number, @RequestBody CiFormData form) {
		return this.cis.update(number, form, ChangeSource.API);
	}

	@GetMapping("/cis/{number}/relations")
	@Operation(summary = "The CI's relations, outgoing (it runs on …) and incoming (… runs on it)")
	List<RelationView> relations(@PathVariable String number) {
		return this.cis.relations(number);
	}

	/** A relation from this CI to another. */
	record NewRelation(@NotBlank String type, @NotBlank String target, @Size(max = 1000) String reason,
			@Size(max = 40) String changeNumber) {
	}

	@PostMapping("/cis/{number}/relations")
	@Operation(summary = "Relate the CI to another: {type: runs_on, target: CI-000012}")
	ResponseEntity<RelationView> relate(@PathVariable String number, @Valid @RequestBody NewRelation body) {
		RelationView r = this.cis.relate(number, body.type(), body.target(), body.reason(), body.changeNumber(),
				ChangeSource.API);
		return ResponseEntity.status(201).body(r);
	}

	@DeleteMapping("/cis/{number}/relations/{id}")
	@Operation(summary = "Remove a relation of the CI")
	ResponseEntity<Void> unrelate(@PathVariable String number, @PathVariable long id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String changeNumber) {
		this.cis.unrelate(number, id, reason, changeNumber, ChangeSource.API);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/cis/{number}/impact")
	@Operation(summary = "The impact graph: UP = what is impacted if it fails, DOWN = what it runs on, 1–6 hops")
	ImpactGraph impact(@PathVariable String number,
			@RequestParam(defaultValue = "BOTH") ConfigurationItems.Direction direction,
			@RequestParam(defaultValue = "3") int depth) {
		return this.cis.impact(number, direction, depth);
	}

	@GetMapping("/cis/{number}/history")
	@Operation(summary = "Every change of the CI, newest first: field, before, after, who, when, why, which change")
	List<CiHistoryEntry> history(@PathVariable String number, @RequestParam(defaultValue = "100") int limit) {
		return this.cis.history(number, limit);
	}

	@GetMapping("/cis/{number}/records")
	@Operation(summary = "The incidents, problems and changes that name the CI")
	List<WorkItemRow> records(@PathVariable String number, @RequestParam(defaultValue = "50") int limit) {
		return this.cis.records(number, limit);
	}

}
