package org.yunwei.servicelevel.web;

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
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.servicelevel.OlaFormData;
import org.yunwei.servicelevel.OlaView;
import org.yunwei.servicelevel.ServiceCatalogue;
import org.yunwei.servicelevel.ServiceFormData;
import org.yunwei.servicelevel.ServiceLevelFormData;
import org.yunwei.servicelevel.ServiceView;

/** The service catalogue over REST: services, their level agreements, and group OLAs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service catalogue")
class ServiceApiController {

	private final ServiceCatalogue catalogue;

	ServiceApiController(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/services")
	@Operation(summary = "Every service with its owner, departments served and level agreement")
	List<ServiceView> list() {
		return this.catalogue.list();
	}

	@PostMapping("/services")
	@Operation(summary = "Add a service to the catalogue")
	ResponseEntity<ServiceView> create(@Valid @RequestBody ServiceFormData form) {
		ServiceView created = this.catalogue.create(form);
		return ResponseEntity.created(URI.create("/api/v1/services/" + created.id())).body(created);
	}

	@GetMapping("/services/{id}")
	@Operation(summary = "One service with its level agreement")
	ServiceView get(@PathVariable long id) {
		return this.catalogue.get(id);
	}

	@PutMapping("/services/{id}")
	@Operation(summary = "Change a service (send the version you read)")
	ServiceView update(@PathVariable long id, @Valid @RequestBody ServiceFormData form) {
		return this.catalogue.update(id, form);
	}

	@PutMapping("/services/{id}/level")
	@Operation(
			summary = "Agree or change the service's level agreement and its targets per priority, in working minutes"
					+ " (send the level's version you read; none for a first agreement)")
	ServiceView saveLevel(@PathVariable long id, @Valid @RequestBody ServiceLevelFormData form) {
		return this.catalogue.saveLevel(id, form);
	}

	@GetMapping("/ola-targets")
	@Operation(summary = "The operational level of every assignment group that has one")
	List<OlaView> olas() {
		return this.catalogue.olas();
	}

	@PutMapping("/ola-targets/{groupId}")
	@Operation(summary = "Set a group's working minutes per priority (no minutes at all removes its OLA;"
			+ " the answer is then 204)")
	ResponseEntity<OlaView> saveOla(@PathVariable long groupId, @Valid @RequestBody OlaFormData form) {
		this.catalogue.saveOla(groupId, form);
		return this.catalogue.olas()
			.stream()
			.filter((o) -> o.groupId() == groupId)
			.findFirst()
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

}
