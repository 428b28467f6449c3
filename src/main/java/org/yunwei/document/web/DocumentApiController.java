package org.yunwei.document.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.core.io.Resource;
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
import org.springframework.web.multipart.MultipartFile;

import org.yunwei.document.DocumentFilter;
import org.yunwei.document.DocumentFormData;
import org.yunwei.document.DocumentManagement;
import org.yunwei.document.DocumentRow;
import org.yunwei.document.DocumentState;
import org.yunwei.document.DocumentType;
import org.yunwei.document.DocumentView;
import org.yunwei.document.Sop;
import org.yunwei.document.VersionFormData;
import org.yunwei.document.VersionView;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.web.FileDownloads;

/** Controlled documents over REST: the register, versions, drafts, approval, files. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Documents")
class DocumentApiController {

	private final DocumentManagement documents;

	DocumentApiController(DocumentManagement documents) {
		this.documents = documents;
	}

	@GetMapping("/documents")
	@Operation(summary = "The document register, newest first, paged by keyset (after = the cursor of the last page)")
	KeysetPage<DocumentRow> list(@RequestParam(required = false) DocumentType type,
			@RequestParam(required = false) DocumentState state, @RequestParam(required = false) String clause,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String q,
			@RequestParam(required = false) boolean reviewDue, @RequestParam(required = false) String after,
			@RequestParam(required = false) Integer size) {
		return this.documents.list(new DocumentFilter(type, state, clause, ownerId, q, reviewDue), after, size);
	}

	@PostMapping("/documents")
	@Operation(summary = "Register a document; content and steps give its first draft, version 1.0")
	ResponseEntity<DocumentView> create(@Valid @RequestBody DocumentFormData form) {
		DocumentView created = this.documents.create(form);
		return ResponseEntity.created(URI.create("/api/v1/documents/" + created.number())).body(created);
	}

	@GetMapping("/documents/{idOrNumber}")
	@Operation(summary = "One document with the version in effect, the version under way and every earlier one")
	DocumentView get(@PathVariable String idOrNumber) {
		return this.documents.get(idOrNumber);
	}

	@PutMapping("/documents/{idOrNumber}")
	@Operation(summary = "Change the register entry (owner or document manager; send the version you read)")
	DocumentView update(@PathVariable String idOrNumber, @Valid @RequestBody DocumentFormData form) {
		return this.documents.update(this.documents.get(idOrNumber).id(), form);
	}

	@GetMapping("/documents/{idOrNumber}/versions/{label}")
	@Operation(summary = "One version of a document")
	VersionView version(@PathVariable String idOrNumber, @PathVariable String label) {
		return this.documents.version(idOrNumber, label);
	}

	@PostMapping("/documents/{idOrNumber}/draft")
	@Operation(summary = "Start the next version as a draft from the version in effect (409 while one is under way)")
	ResponseEntity<VersionView> newDraft(@PathVariable String idOrNumber) {
		DocumentView d = this.documents.get(idOrNumber);
		VersionView v = this.documents.newDraft(d.id());
		return ResponseEntity.created(URI.create("/api/v1/documents/" + d.number() + "/versions/" + v.label())).body(v);
	}

	@PutMapping("/documents/{idOrNumber}/draft")
	@Operation(summary = "Save the draft: label, content (Markdown), steps, change note, planned effective date")
	VersionView saveDraft(@PathVariable String idOrNumber, @Valid @RequestBody VersionFormData form) {
		return this.documents.saveDraft(this.documents.get(idOrNumber).id(), form);
	}

	@DeleteMapping("/documents/{idOrNumber}/draft")
	@Operation(summary = "Throw away a draft that was never submitted")
	ResponseEntity<Void> discard(@PathVariable String idOrNumber) {
		this.documents.discardDraft(this.documents.get(idOrNumber).id());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/documents/{idOrNumber}/draft/submit")
	@Operation(summary = "Submit the draft for approval: it is frozen and a docapproval record asks the approvers")
	VersionView submit(@PathVariable String idOrNumber) {
		return this.documents.submit(this.documents.get(idOrNumber).id());
	}

	@PostMapping(path = "/documents/{idOrNumber}/draft/files", consumes = "multipart/form-data")
	@Operation(summary = "Add a file to the draft (multipart field file)")
	ResponseEntity<VersionView.FileView> attach(@PathVariable String idOrNumber,
			@RequestParam("file") MultipartFile file) throws IOException {
		DocumentView d = this.documents.get(idOrNumber);
		VersionView.FileView f = this.documents.attach(d.id(), file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/documents/" + d.number() + "/files/" + f.id())).body(f);
	}

	@DeleteMapping("/documents/{idOrNumber}/draft/files/{fileId}")
	@Operation(summary = "Remove a file from the draft")
	ResponseEntity<Void> detach(@PathVariable String idOrNumber, @PathVariable long fileId) {
		this.documents.detach(this.documents.get(idOrNumber).id(), fileId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/documents/{idOrNumber}/files/{fileId}")
	@Operation(summary = "Download a file of a version")
	ResponseEntity<Resource> download(@PathVariable String idOrNumber, @PathVariable long fileId) throws IOException {
		VersionView.FileView f = this.documents.file(idOrNumber, fileId);
		return FileDownloads.of(f.fileName(), f.contentType(), f.size(), this.documents.content(idOrNumber, fileId));
	}

	@PostMapping("/documents/{idOrNumber}/retire")
	@Operation(summary = "Withdraw a document in effect (document managers; body {\"reason\": \"…\"})")
	DocumentView retire(@PathVariable String idOrNumber, @RequestBody Map<String, String> body) {
		return this.documents.retire(this.documents.get(idOrNumber).id(), body.get("reason"));
	}

	@GetMapping("/sops")
	@Operation(summary = "The SOPs in effect with the steps of their version in effect")
	List<Sop> sops() {
		return this.documents.sops();
	}

}
