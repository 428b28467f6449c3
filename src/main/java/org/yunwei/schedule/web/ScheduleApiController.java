package org.yunwei.schedule.web;

import java.net.URI;
import java.time.Instant;
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

import org.yunwei.schedule.RecurringActivityFormData;
import org.yunwei.schedule.RecurringActivityView;
import org.yunwei.schedule.RecurringWork;

/** Recurring activities over REST. */
@RestController
@RequestMapping("/api/v1/recurring-activities")
@Tag(name = "Recurring work")
class ScheduleApiController {

	private final RecurringWork work;

	ScheduleApiController(RecurringWork work) {
		this.work = work;
	}

	@GetMapping
	@Operation(summary = "Every recurring activity with its next occurrence")
	List<RecurringActivityView> list() {
		return this.work.list();
	}

	@PostMapping
	@Operation(summary = "Define a recurring activity")
	ResponseEntity<RecurringActivityView> create(@Valid @RequestBody RecurringActivityFormData form) {
		RecurringActivityView created = this.work.create(form);
		return ResponseEntity.created(URI.create("/api/v1/recurring-activities/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One activity, its next ten occurrences and the occurrences it produced")
	RecurringActivityView get(@PathVariable long id) {
		return this.work.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an activity (send the version you read)")
	RecurringActivityView update(@PathVariable long id, @Valid @RequestBody RecurringActivityFormData form) {
		return this.work.update(id, form);
	}

	@PostMapping("/preview")
	@Operation(summary = "The occurrences a definition would produce, without saving it")
	List<Instant> preview(@Valid @RequestBody RecurringActivityFormData form,
			@RequestParam(required = false) Instant from, @RequestParam(defaultValue = "10") int count) {
		return this.work.preview(form, from, count);
	}

}
