package org.yunwei.problem.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.problem.AnalysisFormData;
import org.yunwei.problem.CauseCategory;
import org.yunwei.problem.Problems;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.LinkView;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Problems on the pages: the analysis panel of a problem, the problems panel of an
 * incident (raise one from it, tie it to one), the known-error list and the
 * recurring-incident view.
 */
@Controller
@RequestMapping("/problems")
class ProblemController {

	private final Problems problems;

	private final WorkItems items;

	ProblemController(Problems problems, WorkItems items) {
		this.problems = problems;
		this.items = items;
	}

	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		model.addAttribute("item", item);
		model.addAttribute("analysis", this.problems.analysis(item.number()));
		model.addAttribute("canWork", this.items.canWork(item.id()));
		model.addAttribute("causes", CauseCategory.values());
		return "problem/panel :: panel";
	}

	/** On an incident's page: the problems it is tied to, raise one or tie it to one. */
	@GetMapping("/incident-panel/{itemId}")
	String incidentPanel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		List<LinkView> causes = this.items.links(item.id())
			.stream()
			.filter((l) -> l.kind() == LinkKind.CAUSED_BY && l.outgoing())
			.toList();
		java.util.Map<Long, org.yunwei.workitem.WorkItemBrief> briefs = this.items
			.briefs(causes.stream().map(LinkView::otherId).toList());
		List<LinkView> tied = causes.stream()
			.filter((l) -> briefs.containsKey(l.otherId()) && "problem".equals(briefs.get(l.otherId()).type()))
			.toList();
		model.addAttribute("item", item);
		model.addAttribute("tied", tied);
		model.addAttribute("canRaise", this.problems.canRaise());
		return "problem/panel :: incident";
	}

	@PostMapping
	String raise(@RequestParam(name = "incident", required = false) List<String> incidents,
			@RequestParam(required = false) String title, RedirectAttributes redirect) {
		try {
			WorkItemView p = this.problems.raise(incidents, title);
			redirect.addFlashAttribute("flash", "problem.raised");
			redirect.addFlashAttribute("flashArgs", new Object[] { p.number() });
			return "redirect:/work/problem/" + p.number();
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
			return "redirect:/problems/recurring";
		}
	}

	@PostMapping("/{number}/incidents")
	String attach(@PathVariable String number, @RequestParam(required = false) String incident,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "problem.incidentTied",
				() -> this.problems.attachIncident(number, (incident == null) ? "" : incident));
		return "redirect:/work/incident/" + ((incident == null) ? "" : incident.strip());
	}

	@PostMapping("/{number}/analysis")
	String save(@PathVariable String number, @ModelAttribute AnalysisFormData form, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "problem.analysisSaved", () -> this.problems.save(number, form));
		return "redirect:/work/problem/" + number;
	}

	@GetMapping("/known-errors")
	String knownErrors(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("errors", this.problems.knownErrors(q));
		model.addAttribute("q", q);
		return "problem/known-errors";
	}

	@GetMapping("/recurring")
	String recurring(@RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "3") int threshold,
			Model model) {
		model.addAttribute("proposals", this.problems.proposals(days, threshold));
		model.addAttribute("days", days);
		model.addAttribute("threshold", threshold);
		return "problem/recurring";
	}

}
