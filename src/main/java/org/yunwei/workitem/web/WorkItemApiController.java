package org.yunwei.workitem.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.web.JsonPatches;
import org.yunwei.workitem.JournalEntryView;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.LinkView;
import org.yunwei.workitem.SlaStatus;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.TransitionView;
import org.yunwei.workitem.WorkItemFilter;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Work items of every type over REST: {@code /api/v1/work-items?type=routine}, one record
 * by id or number, its transitions, journal, links and watchers.
 */
@RestController
@RequestMapping("/api/v1/work-items")
@Tag(name = "Work items")
class WorkItemApiController {

	private final WorkItems items;

	private final JsonPatches patches;

	private final WorkItemExports exports;

	private final org.yunwei.workitem.WorkItemImport importer;

	private final org.yunwei.workitem.BulkChanges bulk;

	WorkItemApiController(WorkItems items, JsonPatches patches, WorkItemExports exports,
			org.yunwei.workitem.WorkItemImport importer, org.yunwei.workitem.BulkChanges bulk) {
		this.bulk = bulk;
		this.importer = importer;
		this.exports = exports;
		this.items = items;
		this.patches = patches;
	}

	@GetMapping
	@Operation(summary = "List work items of a type, newest first (keyset paging)")
	KeysetPage<WorkItemRow> list(@RequestParam String type, @RequestParam(required = false) StateCategory category,
			@RequestParam(required = false) String state, @RequestParam(required = false) Long assigneeId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) Long requesterId,
			@RequestParam(required = false) Integer priority, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean mine,
			@RequestParam(required = false) String q, @RequestParam(required = false) SlaStatus sla,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate openedFrom,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate openedTo,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate dueFrom,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate dueTo,
			@RequestParam(required = false) org.yunwei.workitem.WorkItemSort sort,
			@io.swagger.v3.oas.annotations.Parameter(
					description = "order by this custom field (its code) instead") @RequestParam(
							required = false) String sortField,
			@RequestParam(required = false) String after, @RequestParam(required = false) Integer size,
			@io.swagger.v3.oas.annotations.Parameter(
					description = "custom field conditions: cf.<code>=value") @RequestParam java.util.Map<String, String> params) {
		return this.items.list(new WorkItemFilter(type, category, state, assigneeId, groupId, requesterId, priority,
				open, overdue, mine, q, sla, openedFrom, openedTo, dueFrom, dueTo, sort,
				WorkItemFilter.customConditions(params), sortField), after, size);
	}

	/**
	 * A bulk action: {@code assign} (groupId and/or assigneeId) or {@code transition}.
	 */
	record BulkRequest(String action, java.util.List<Long> ids, Long assigneeId, Long groupId, String transition,
			String comment) {
	}

	@PostMapping("/bulk")
	@Operation(summary = "Assign, or take a transition on, many records; each is changed or refused on its own")
	org.yunwei.workitem.BulkChanges.Result bulk(@RequestBody BulkRequest request) {
		return "transition".equals(request.action())
				? this.bulk.transition(request.ids(), request.transition(), request.comment())
				: this.bulk.assign(request.ids(), request.assigneeId(), request.groupId());
	}

	@GetMapping("/export")
	@Operation(summary = "Export a filtered list as CSV or Excel (format=csv|xlsx)")
	void export(@RequestParam String type, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) StateCategory category, @RequestParam(required = false) String state,
			@RequestParam(required = false) Long assigneeId, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) Integer priority, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String q, @RequestParam(required = false) SlaStatus sla,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		this.exports.write(new WorkItemFilter(type, category, state, assigneeId, groupId, null, priority, open, null,
				null, q, sla), format, response);
	}

	@PostMapping(path = "/import", consumes = "multipart/form-data")
	@Operation(
			summary = "Import CSV or Excel (field \"file\"): dryRun=true previews each row; otherwise all rows or none")
	ResponseEntity<Object> importFile(@RequestParam String type, @RequestParam(defaultValue = "false") boolean dryRun,
			@org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file)
			throws java.io.IOException {
		if (dryRun) {
			return ResponseEntity.ok(this.importer.preview(type, file.getOriginalFilename(), file.getBytes()));
		}
		return ResponseEntity.ok(this.importer.importAll(type, file.getOriginalFilename(), file.getBytes()));
	}

	/** A new work item: its type and its fields. */
	record NewWorkItem(@NotBlank String type, @Valid @NotNull WorkItemFormData fields) {
	}

	@PostMapping
	@Operation(summary = "Create a work item: {\"type\": \"routine\", \"fields\": {…}}")
	ResponseEntity<WorkItemView> create(@Valid @RequestBody NewWorkItem body) {
		WorkItemView created = this.items.create(body.type(), body.fields());
		return ResponseEntity.created(URI.create("/api/v1/work-items/" + created.number())).body(created);
	}

	@GetMapping("/{idOrNumber}")
	@Operation(summary = "One work item, by id or number")
	WorkItemView get(@PathVariable String idOrNumber) {
		return this.items.get(idOrNumber);
	}

	@PatchMapping(path = "/{idOrNumber}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change fields (JSON merge patch); send the version you read")
	WorkItemView patch(@PathVariable String idOrNumber, @RequestBody String patch) {
		WorkItemView current = this.items.get(idOrNumber);
		WorkItemFormData form = WorkItemFormData.of(current, this.items.zone());
		form.setVersion(null);
		return this.items.update(current.id(), this.patches.apply(form, patch));
	}

	@GetMapping("/{idOrNumber}/transitions")
	@Operation(summary = "The transitions the caller may take now")
	List<TransitionView> transitions(@PathVariable String idOrNumber) {
		return this.items.transitions(this.items.get(idOrNumber).id());
	}

	@PostMapping("/{idOrNumber}/transitions/{name}")
	@Operation(summary = "Take a transition, with an optional comment")
	WorkItemView take(@PathVariable String idOrNumber, @PathVariable String name,
			@Valid @RequestBody(required = false) TransitionRequest request) {
		TransitionRequest r = (request != null) ? request : new TransitionRequest(null, null, null, null, null);
		return this.items.take(this.items.get(idOrNumber).id(), name, r);
	}

	@GetMapping("/{idOrNumber}/approvals")
	@Operation(summary = "The record's approvals with their steps, newest first")
	List<org.yunwei.workitem.ApprovalView> approvals(@PathVariable String idOrNumber) {
		return this.items.approvals(this.items.get(idOrNumber).id());
	}

	/** An approver's decision. */
	record Decision(@NotNull Boolean approve, String comment) {
	}

	@PostMapping("/approval-steps/{stepId}/decision")
	@Operation(summary = "Approve or reject (with a reason) as the approver of a step")
	WorkItemView decide(@PathVariable long stepId, @Valid @RequestBody Decision body) {
		return this.items.decide(stepId, body.approve(), body.comment());
	}

	@GetMapping("/{idOrNumber}/attachments")
	@Operation(summary = "The record's attachments")
	List<org.yunwei.workitem.AttachmentView> attachments(@PathVariable String idOrNumber) {
		return this.items.attachments(this.items.get(idOrNumber).id());
	}

	@PostMapping(path = "/{idOrNumber}/attachments", consumes = "multipart/form-data")
	@Operation(summary = "Attach a file (multipart field \"file\")")
	ResponseEntity<org.yunwei.workitem.AttachmentView> attach(@PathVariable String idOrNumber,
			@org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file)
			throws java.io.IOException {
		return ResponseEntity.status(201)
			.body(this.items.attach(this.items.get(idOrNumber).id(), file.getOriginalFilename(), file.getBytes()));
	}

	@GetMapping("/{idOrNumber}/attachments/{attachmentId}/content")
	@Operation(summary = "Download an attachment")
	ResponseEntity<org.springframework.core.io.Resource> download(@PathVariable String idOrNumber,
			@PathVariable long attachmentId) throws java.io.IOException {
		return Downloads.of(this.items, this.items.get(idOrNumber).id(), attachmentId);
	}

	@DeleteMapping("/{idOrNumber}/attachments/{attachmentId}")
	@Operation(summary = "Remove an attachment")
	ResponseEntity<Void> detach(@PathVariable String idOrNumber, @PathVariable long attachmentId) {
		this.items.detach(this.items.get(idOrNumber).id(), attachmentId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{idOrNumber}/journal")
	@Operation(summary = "Comments, work notes and changes, oldest first")
	List<JournalEntryView> journal(@PathVariable String idOrNumber) {
		return this.items.journal(this.items.get(idOrNumber).id());
	}

	/** A comment, public or internal. */
	record NewComment(@NotBlank String body, Boolean internal) {
	}

	@PostMapping("/{idOrNumber}/journal")
	@Operation(summary = "Add a public comment or (internal=true) a work note")
	ResponseEntity<JournalEntryView> comment(@PathVariable String idOrNumber, @Valid @RequestBody NewComment body) {
		return ResponseEntity.status(201)
			.body(this.items.comment(this.items.get(idOrNumber).id(), body.body(),
					Boolean.TRUE.equals(body.internal())));
	}

	@GetMapping("/{idOrNumber}/links")
	@Operation(summary = "Links to other records, both directions")
	List<LinkView> links(@PathVariable String idOrNumber) {
		return this.items.links(this.items.get(idOrNumber).id());
	}

	/** A link to another work item by its number. */
	record NewLink(@NotNull LinkKind kind, @NotBlank String number) {
	}

	@PostMapping("/{idOrNumber}/links")
	@Operation(summary = "Link to another work item")
	ResponseEntity<LinkView> link(@PathVariable String idOrNumber, @Valid @RequestBody NewLink body) {
		return ResponseEntity.status(201)
			.body(this.items.link(this.items.get(idOrNumber).id(), body.kind(), body.number()));
	}

	@DeleteMapping("/{idOrNumber}/links/{linkId}")
	@Operation(summary = "Remove a link")
	ResponseEntity<Void> unlink(@PathVariable String idOrNumber, @PathVariable long linkId) {
		this.items.unlink(this.items.get(idOrNumber).id(), linkId);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{idOrNumber}/watchers/me")
	@Operation(summary = "Watch the record")
	ResponseEntity<Void> watch(@PathVariable String idOrNumber) {
		this.items.watch(this.items.get(idOrNumber).id(), true);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{idOrNumber}/watchers/me")
	@Operation(summary = "Stop watching the record")
	ResponseEntity<Void> unwatch(@PathVariable String idOrNumber) {
		this.items.watch(this.items.get(idOrNumber).id(), false);
		return ResponseEntity.noContent().build();
	}

}
