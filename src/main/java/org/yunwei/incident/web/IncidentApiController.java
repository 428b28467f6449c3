package org.yunwei.incident.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.incident.CategoryFormData;
import org.yunwei.incident.CategoryView;
import org.yunwei.incident.DetailsFormData;
import org.yunwei.incident.IncidentDetails;
import org.yunwei.incident.Incidents;
import org.yunwei.incident.RecordQuality;
import org.yunwei.incident.ReviewFormData;

/**
 * Incident management over REST: the category tree; an incident's category, resolution
 * and workaround; declaring a major incident, its updates and its post-incident review.
 */
@RestController
@Tag(name = "Incidents")
class IncidentApiController {

	private final Incidents incidents;

	private final RecordQuality quality;

	IncidentApiController(Incidents incidents, RecordQuality quality) {
		this.incidents = incidents;
		this.quality = quality;
	}

	@GetMapping("/api/v1/incident-categories")
	@Operation(summary = "The category tree, parents before children, with depth and path")
	List<CategoryView> categories() {
		return this.incidents.categories();
	}

	@PostMapping("/api/v1/incident-categories")
	ResponseEntity<CategoryView> createCategory(@Valid @RequestBody CategoryFormData form) {
		CategoryView c = this.incidents.createCategory(form);
		return ResponseEntity.created(URI.create("/api/v1/incident-categories/" + c.id())).body(c);
	}

	@PutMapping("/api/v1/incident-categories/{id}")
	CategoryView updateCategory(@PathVariable long id, @Valid @RequestBody CategoryFormData form) {
		return this.incidents.updateCategory(id, form);
	}

	@GetMapping("/api/v1/incidents/{number}/details")
	@Operation(summary = "Category, resolution code, workaround and the major-incident record")
	IncidentDetails details(@PathVariable String number) {
		return this.incidents.details(number);
	}

	@PutMapping("/api/v1/incidents/{number}/details")
	@Operation(summary = "Set category, resolution code and workaround (send the version read)")
	IncidentDetails saveDetails(@PathVariable String number, @Valid @RequestBody DetailsFormData form) {
		return this.incidents.saveDetails(number, form);
	}

	record Parent(@Size(max = 40) String parent) {
	}

	@GetMapping("/api/v1/incidents/{number}/family")
	@Operation(summary = "The mass incident an incident is part of, and its own child incidents")
	Incidents.Family family(@PathVariable String number) {
		return this.incidents.family(number);
	}

	@PostMapping("/api/v1/incidents/{number}/parent")
	@Operation(summary = "Make an incident part of a mass incident (it is resolved with it)")
	Incidents.Family parent(@PathVariable String number, @Valid @RequestBody Parent parent) {
		return this.incidents.attachToParent(number, parent.parent());
	}

	record Declaration(@Size(max = 2000) String reason) {
	}

	@PostMapping("/api/v1/incidents/{number}/major")
	@Operation(summary = "Declare a major incident: highest priority, the stakeholders are told")
	IncidentDetails declare(@PathVariable String number, @Valid @RequestBody Declaration declaration) {
		return this.incidents.declareMajor(number, declaration.reason());
	}

	record Update(@Size(max = 4000) String message) {
	}

	@PostMapping("/api/v1/incidents/{number}/major/updates")
	@Operation(summary = "Post an update of a major incident to its stakeholders and its journal")
	IncidentDetails update(@PathVariable String number, @Valid @RequestBody Update update) {
		return this.incidents.postUpdate(number, update.message());
	}

	@PutMapping("/api/v1/incidents/{number}/major/review")
	@Operation(summary = "Save the post-incident review; complete=true marks it done (then the incident may close)")
	IncidentDetails review(@PathVariable String number, @Valid @RequestBody ReviewFormData form) {
		return this.incidents.saveReview(number, form);
	}

	// ---- record quality review (8.3.3-2)

	@GetMapping("/api/v1/incidents/quality")
	RecordQuality.Sample sample(@RequestParam String period) {
		return this.quality.sample(period);
	}

	record Draw(String period, Integer size) {
	}

	@PostMapping("/api/v1/incidents/quality/samples")
	ResponseEntity<RecordQuality.Sample> drawApi(@RequestBody Draw draw) {
		return ResponseEntity.status(201)
			.body(this.quality.draw(draw.period(), (draw.size() == null) ? 10 : draw.size()));
	}

	record Judgement(boolean accurate, String note) {
	}

	@PostMapping("/api/v1/incidents/quality/{id}")
	RecordQuality.Sampled judgeApi(@PathVariable long id, @RequestBody Judgement judgement) {
		return this.quality.judge(id, judgement.accurate(), judgement.note());
	}

}
