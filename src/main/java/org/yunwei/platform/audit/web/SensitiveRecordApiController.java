package org.yunwei.platform.audit.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.audit.SensitiveRecord;
import org.yunwei.platform.audit.SensitiveRecordFormData;
import org.yunwei.platform.audit.SensitiveRecordManagement;

/** Sensitive record types and records over REST (security administrator). */
@RestController
@RequestMapping("/api/v1/sensitive-records")
@Tag(name = "Data-access log")
class SensitiveRecordApiController {

	private final SensitiveRecordManagement sensitive;

	SensitiveRecordApiController(SensitiveRecordManagement sensitive) {
		this.sensitive = sensitive;
	}

	@GetMapping
	@Operation(summary = "Record types and records whose reads are logged")
	List<SensitiveRecord> list() {
		return this.sensitive.marks();
	}

	@PostMapping
	@Operation(summary = "Mark a record type (no recordId) or one record sensitive")
	ResponseEntity<SensitiveRecord> mark(@Valid @RequestBody SensitiveRecordFormData form) {
		SensitiveRecord created = this.sensitive.mark(form);
		return ResponseEntity.created(URI.create("/api/v1/sensitive-records/" + created.id())).body(created);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Stop logging reads of a record type or record")
	ResponseEntity<Void> unmark(@PathVariable long id) {
		this.sensitive.unmark(id);
		return ResponseEntity.noContent().build();
	}

}
