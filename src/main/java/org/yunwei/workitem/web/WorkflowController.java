package org.yunwei.workitem.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowView;
import org.yunwei.workitem.Workflows;

/**
 * The process owner's workflow screens: every type with its current version drawn, and an
 * editor that checks a definition and previews its diagram before saving it as a new
 * version.
 */
@Controller
class WorkflowController {

	private final Workflows workflows;

	private final WorkItemTypes types;

	private final AccessControl access;

	private final org.yunwei.platform.web.Formats formats;

	WorkflowController(Workflows workflows, WorkItemTypes types, AccessControl access,
			org.yunwei.platform.web.Formats formats) {
		this.formats = formats;
		this.workflows = workflows;
		this.types = types;
		this.access = access;
	}

	/** A type with its current workflow. */
	record TypeWorkflow(WorkItemType type, WorkflowView workflow, String diagram) {
	}

	@GetMapping("/admin/workflows")
	String list(Model model) {
		this.access.require(Workflows.WRITE);
		List<TypeWorkflow> all = new ArrayList<>();
		for (WorkItemType t : this.types.all()) {
			WorkflowView current = this.workflows.current(t.code());
			all.add(new TypeWorkflow(t, current, draw(current.definition())));
		}
		model.addAttribute("types", all);
		return "admin/workflows";
	}

	/**
	 * The editor of a type's workflow, or of one of its variants ({@code ?variant=}, a
	 * catalogue item's fulfilment workflow), which starts from the type's until saved.
	 */
	@GetMapping("/admin/workflows/{type}")
	String edit(@PathVariable String type, @RequestParam(required = false) String variant, Model model) {
		this.access.require(Workflows.WRITE);
		WorkflowView current = this.workflows.current(type, variant);
		model.addAttribute("definition", current.json());
		model.addAttribute("diagram", draw(current.definition()));
		return page(type, variant, model);
	}

	/** Checks the definition in the editor and draws it (htmx), without saving. */
	@PostMapping("/admin/workflows/{type}/preview")
	String preview(@PathVariable String type, @RequestParam String definition, Model model) {
		this.access.require(Workflows.WRITE);
		try {
			model.addAttribute("diagram", draw(this.workflows.check(definition)));
			model.addAttribute("valid", true);
		}
		catch (ValidationFailed ex) {
			model.addAttribute("violations", ex.violations());
		}
		return "admin/workflow :: preview";
	}

	@PostMapping("/admin/workflows/{type}")
	String save(@PathVariable String type, @RequestParam(required = false) String variant,
			@RequestParam String definition, Model model, HtmxRequest htmx, RedirectAttributes redirect) {
		try {
			WorkflowView saved = this.workflows.save(type, variant, definition);
			redirect.addFlashAttribute("flash", "workflow.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { saved.version() });
			if (!saved.variant().isEmpty()) {
				redirect.addAttribute("variant", saved.variant());
			}
			return "redirect:/admin/workflows/" + type;
		}
		catch (ValidationFailed ex) {
			model.addAttribute("violations", ex.violations());
			model.addAttribute("definition", definition);
			return page(type, variant, model);
		}
	}

	private String page(String type, String variant, Model model) {
		model.addAttribute("type", this.types.get(type));
		model.addAttribute("variant", variant);
		model.addAttribute("history", this.workflows.history(type, variant));
		return "admin/workflow";
	}

	private String draw(WorkflowDefinition definition) {
		return this.workflows.diagram(definition, this.formats.language(), null, Set.of(), Set.of());
	}

}
