package org.yunwei.governance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.governance.Compliance;
import org.yunwei.governance.Governance;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;

/**
 * Compliance management (9.3 b, d) on its page: the compliance posts and who holds them,
 * the compliance-risk training held and who attended.
 */
@Controller
class ComplianceController {

	private final Compliance compliance;

	private final Directory directory;

	private final AccessControl access;

	ComplianceController(Compliance compliance, Directory directory, AccessControl access) {
		this.compliance = compliance;
		this.directory = directory;
		this.access = access;
	}

	@GetMapping("/governance/compliance")
	String page(@RequestParam(required = false) Long edit, Model model) {
		Compliance.Overview o = this.compliance.overview();
		model.addAttribute("o", o);
		model.addAttribute("editing",
				(edit == null) ? null : o.posts().stream().filter((p) -> p.id() == edit).findFirst().orElse(null));
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("canManage", this.access.has(Governance.MANAGE));
		model.addAttribute("window", Compliance.TRAINING_WINDOW_DAYS);
		return "governance/compliance";
	}

	@PostMapping("/governance/compliance/posts")
	String savePost(@RequestParam(required = false) Long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String duties, @RequestParam(required = false) Long holderId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appointedOn,
			@RequestParam(required = false) String basis, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "compliance.postSaved", () -> this.compliance.savePost(id,
				new Compliance.Post(name, duties, holderId, appointedOn, basis, (id == null) || active, version)));
		return "redirect:/governance/compliance";
	}

	@PostMapping("/governance/compliance/trainings")
	String recordTraining(@RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String trainer,
			@RequestParam(required = false) String content, @RequestParam(required = false) List<Long> attendeeIds,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "compliance.trainingRecorded", () -> this.compliance
			.recordTraining(new Compliance.Training(title, heldOn, hours, trainer, content, attendeeIds)));
		return "redirect:/governance/compliance";
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Governance")
	static class Api {

		private final Compliance compliance;

		Api(Compliance compliance) {
			this.compliance = compliance;
		}

		@GetMapping("/api/v1/governance/compliance")
		@Operation(summary = "Compliance posts and the compliance-risk training held (9.3 b, d)")
		Compliance.Overview overview() {
			return this.compliance.overview();
		}

		@PostMapping("/api/v1/governance/compliance/posts")
		ResponseEntity<Compliance.PostView> create(@RequestBody Compliance.Post p) {
			Compliance.PostView v = this.compliance.savePost(null, p);
			return ResponseEntity.created(java.net.URI.create("/api/v1/governance/compliance")).body(v);
		}

		@PutMapping("/api/v1/governance/compliance/posts/{id}")
		Compliance.PostView update(@PathVariable long id, @RequestBody Compliance.Post p) {
			return this.compliance.savePost(id, p);
		}

		@PostMapping("/api/v1/governance/compliance/trainings")
		@Operation(summary = "Record a compliance-risk training held, with who attended")
		ResponseEntity<Compliance.TrainingView> training(@RequestBody Compliance.Training t) {
			Compliance.TrainingView v = this.compliance.recordTraining(t);
			return ResponseEntity.created(java.net.URI.create("/api/v1/governance/compliance")).body(v);
		}

	}

}
