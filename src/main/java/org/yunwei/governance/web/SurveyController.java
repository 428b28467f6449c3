package org.yunwei.governance.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import org.yunwei.governance.Surveys;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Satisfaction surveys (9.2 c): on the survey's own page, its questionnaire, who is
 * asked, its results and its report; for everyone asked, the surveys to answer and the
 * questionnaire itself.
 */
@Controller
class SurveyController {

	private final Surveys surveys;

	private final WorkItems items;

	private final Directory directory;

	SurveyController(Surveys surveys, WorkItems items, Directory directory) {
		this.surveys = surveys;
		this.items = items;
		this.directory = directory;
	}

	@GetMapping("/governance/surveys/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		model.addAttribute("item", item);
		model.addAttribute("survey", this.surveys.get(item.number()));
		model.addAttribute("canWork", this.items.canWork(item.id()));
		model.addAttribute("departments", this.directory.activeDepartments());
		return "governance/survey :: panel";
	}

	@PostMapping("/governance/surveys/{number}")
	String save(@PathVariable String number, @RequestParam(required = false) String questions,
			@RequestParam(required = false) List<Long> departmentIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			@RequestParam(required = false) String report, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "survey.saved",
				() -> this.surveys.save(number,
						new Surveys.Draft((questions == null) ? List.of() : List.of(questions.split("\\R")),
								(departmentIds == null) ? List.of() : departmentIds, closesOn, report, version)));
		return "redirect:/work/survey/" + this.items.get(number).number();
	}

	@GetMapping("/governance/surveys/{number}/report.pdf")
	ResponseEntity<byte[]> report(@PathVariable String number, @RequestParam(required = false) String lang) {
		return pdf(this.surveys, number, lang);
	}

	static ResponseEntity<byte[]> pdf(Surveys surveys, String number, String lang) {
		return org.yunwei.platform.web.PdfDocuments.file(
				surveys.reportPdf(number, org.yunwei.platform.web.PdfDocuments.language(lang)),
				org.springframework.http.MediaType.APPLICATION_PDF, "survey-report-" + number + ".pdf", true);
	}

	@GetMapping("/surveys")
	String mine(Model model) {
		model.addAttribute("invitations", this.surveys.mine());
		return "governance/surveys-mine";
	}

	@GetMapping("/surveys/{number}")
	String questionnaire(@PathVariable String number, Model model) {
		model.addAttribute("questionnaire", this.surveys.questionnaire(number));
		return "governance/survey-answer";
	}

	@PostMapping("/surveys/{number}")
	String answer(@PathVariable String number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<Integer, Integer> ratings = new HashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("q") && k.substring(1).chars().allMatch(Character::isDigit) && k.length() > 1
					&& v.matches("[1-5]")) {
				ratings.put(Integer.valueOf(k.substring(1)), Integer.valueOf(v));
			}
		});
		FormErrors.attempt(redirect, "survey.answered",
				() -> this.surveys.answer(number, new Surveys.Answers(ratings, form.get("comment"))));
		return "redirect:/surveys/" + number;
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Governance")
	static class Api {

		private final Surveys surveys;

		Api(Surveys surveys) {
			this.surveys = surveys;
		}

		@GetMapping("/api/v1/governance/surveys/{number}")
		@Operation(summary = "A satisfaction survey: questionnaire, who is asked, results, report")
		Surveys.SurveyView get(@PathVariable String number) {
			return this.surveys.get(number);
		}

		@PutMapping("/api/v1/governance/surveys/{number}")
		@Operation(summary = "Save a survey's questions and departments asked (while drafting), closing date, report")
		Surveys.SurveyView save(@PathVariable String number, @RequestBody Surveys.Draft d) {
			return this.surveys.save(number, d);
		}

		@GetMapping("/api/v1/governance/surveys/{number}/report")
		@Operation(summary = "The survey report as PDF (lang=zh|en)")
		ResponseEntity<byte[]> report(@PathVariable String number, @RequestParam(required = false) String lang) {
			return pdf(this.surveys, number, lang);
		}

		@GetMapping("/api/v1/surveys")
		@Operation(summary = "The surveys the caller is asked to answer")
		List<Surveys.Invitation> mine() {
			return this.surveys.mine();
		}

		@GetMapping("/api/v1/surveys/{number}")
		@Operation(summary = "A questionnaire the caller is asked to answer, with their answers so far")
		Surveys.Questionnaire questionnaire(@PathVariable String number) {
			return this.surveys.questionnaire(number);
		}

		@PutMapping("/api/v1/surveys/{number}/answers")
		@Operation(summary = "Answer a survey (each question rated 1–5, a comment); changeable while it is open")
		Surveys.Questionnaire answer(@PathVariable String number, @RequestBody Surveys.Answers a) {
			return this.surveys.answer(number, a);
		}

	}

}
