package org.yunwei.platform.identity.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.identity.DepartmentFormData;
import org.yunwei.platform.identity.DepartmentView;
import org.yunwei.platform.identity.GroupFormData;
import org.yunwei.platform.identity.GroupView;
import org.yunwei.platform.identity.OrganisationManagement;
import org.yunwei.platform.web.JsonPatches;

/** Departments and assignment groups over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation")
class OrganisationApiController {

	private final OrganisationManagement organisation;

	private final JsonPatches patches;

	OrganisationApiController(OrganisationManagement organisation, JsonPatches patches) {
		this.organisation = organisation;
		this.patches = patches;
	}

	/**
	 * The whole tree in one page (departments are few); each item has its depth and
	 * parent.
	 */
	@GetMapping("/departments")
	KeysetPage<DepartmentView> departments() {
		return new KeysetPage<>(this.organisation.departmentTree(), null);
	}

	@GetMapping("/departments/{id}")
	DepartmentView department(@PathVariable long id) {
		return this.organisation.department(id);
	}

	@PostMapping("/departments")
	ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody DepartmentFormData form) {
		DepartmentView created = this.organisation.createDepartment(form);
		return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id())).body(created);
	}

	@PatchMapping(path = "/departments/{id}", consumes = { "application/merge-patch+json", "application/json" })
	DepartmentView patchDepartment(@PathVariable long id, @RequestBody String patch) {
		DepartmentFormData form = DepartmentFormData.of(this.organisation.department(id));
		form.setVersion(null);
		return this.organisation.updateDepartment(id, this.patches.apply(form, patch));
	}

	@DeleteMapping("/departments/{id}")
	ResponseEntity<Void> deleteDepartment(@PathVariable long id) {
		this.organisation.deleteDepartment(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/groups")
	KeysetPage<GroupView> groups() {
		List<GroupView> all = this.organisation.groups();
		return new KeysetPage<>(all, null);
	}

	@GetMapping("/groups/{id}")
	GroupView group(@PathVariable long id) {
		return this.organisation.group(id);
	}

	@PostMapping("/groups")
	ResponseEntity<GroupView> createGroup(@Valid @RequestBody GroupFormData form) {
		GroupView created = this.organisation.createGroup(form);
		return ResponseEntity.created(URI.create("/api/v1/groups/" + created.id())).body(created);
	}

	@PatchMapping(path = "/groups/{id}", consumes = { "application/merge-patch+json", "application/json" })
	GroupView patchGroup(@PathVariable long id, @RequestBody String patch) {
		GroupFormData form = GroupFormData.of(this.organisation.group(id));
		form.setVersion(null);
		return this.organisation.updateGroup(id, this.patches.apply(form, patch));
	}

}
