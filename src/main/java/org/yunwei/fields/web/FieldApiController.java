package org.yunwei.fields.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.fields.CustomFields;
import org.yunwei.fields.FieldDefinition;
import org.yunwei.fields.FieldFormData;
import org.yunwei.fields.FieldScope;

/** Custom field definitions over REST ({@code scope}: e.g. {@code workItem:routine}). */
@RestController
@Tag(name = "Custom fields")
class FieldApiController {

	private final CustomFields fields;

	private final FieldScopes scopes;

	FieldApiController(CustomFields fields, FieldScopes scopes) {
		this.fields = fields;
		this.scopes = scopes;
	}

	private FieldScope scope(String scope) {
		return this.scopes.get(scope);
	}

	@GetMapping("/api/v1/custom-fields")
	@Operation(summary = "The custom fields of a kind of record, in order")
	List<FieldDefinition> list(@RequestParam String scope) {
		return this.fields.definitions(scope(scope).scope());
	}

	@PostMapping("/api/v1/custom-fields")
	@Operation(summary = "Add a custom field to a kind of record")
	ResponseEntity<FieldDefinition> create(@RequestParam String scope, @Valid @RequestBody FieldFormData form) {
		FieldDefinition created = this.fields.define(scope(scope).scope(), form);
		return ResponseEntity.created(java.net.URI.create("/api/v1/custom-fields/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/custom-fields/{id}")
	@Operation(summary = "Change a custom field (its code and kind stay; send the version you read)")
	FieldDefinition update(@PathVariable long id, @Valid @RequestBody FieldFormData form) {
		return this.fields.update(id, form);
	}

}
