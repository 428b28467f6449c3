package org.yunwei.cmdb.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.cmdb.AttributeFormData;
import org.yunwei.cmdb.AttributeType;
import org.yunwei.cmdb.ChangeSource;
import org.yunwei.cmdb.CiClassFormData;
import org.yunwei.cmdb.CiClassView;
import org.yunwei.cmdb.CiClasses;
import org.yunwei.cmdb.CiFilter;
import org.yunwei.cmdb.CiFormData;
import org.yunwei.cmdb.CiImport;
import org.yunwei.cmdb.ConfigurationAudits;
import org.yunwei.cmdb.CiRef;
import org.yunwei.cmdb.CiState;
import org.yunwei.cmdb.CiView;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.cmdb.ImpactGraph;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The CMDB's pages: CIs by class, a CI with its values, relations, impact graph, history
 * and records; recording and editing a CI; the class model; the CI panel on records.
 */
@Controller
@RequestMapping("/cmdb")
class CmdbController {

	private final CiClasses classes;

	private final ConfigurationItems cis;

	private final Directory directory;

	private final WorkItems items;

	private final AccessControl access;

	private final CiImport importer;

	private final ConfigurationAudits audits;

	CmdbController(CiClasses classes, ConfigurationItems cis, Directory directory, WorkItems items,
			AccessControl access, CiImport importer, ConfigurationAudits audits) {
		this.audits = audits;
		this.importer = importer;
		this.classes = classes;
		this.cis = cis;
		this.directory = directory;
		this.items = items;
		this.access = access;
	}

	@GetMapping
	String list(@RequestParam(name = "class", required = false) String classCode,
			@RequestParam(required = false) CiState state, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) Long serviceId, @RequestParam(required = false) Long locationId,
			@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
		CurrentUser me = this.access.require(ConfigurationItems.READ);
		String query = (q == null) ? null : q.strip();
		if (query != null && query.length() > 200) {
			query = query.substring(0, 200);
		}
		List<CiClassView> tree = this.classes.tree();
		model.addAttribute("tree", tree);
		model.addAttribute("selected",
				tree.stream().filter((c) -> c.code().equals(classCode)).findFirst().orElse(null));
		model.addAttribute("page",
				this.cis.list(new CiFilter((classCode == null || classCode.isBlank()) ? null : classCode, state,
						groupId, null, serviceId, locationId, query), after, 50));
		model.addAttribute("classCode", classCode);
		model.addAttribute("state", state);
		model.addAttribute("groupId", groupId);
		model.addAttribute("serviceId", serviceId);
		model.addAttribute("locationId", locationId);
		model.addAttribute("q", query);
		model.addAttribute("states", CiState.values());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("services", this.items.serviceOptions());
		model.addAttribute("canWrite", me.has(ConfigurationItems.WRITE));
		model.addAttribute("canManage", me.has(ConfigurationItems.MANAGE));
		return "cmdb/list";
	}

	// ---- one CI

	@GetMapping("/{number:CI-\\d+}")
	String ci(@PathVariable String number, Model model) {
		CiView ci = this.cis.get(number);
		model.addAttribute("ci", ci);
		model.addAttribute("relations", this.cis.relations(ci.number()));
		model.addAttribute("relationTypes", this.cis.relationTypes());
		model.addAttribute("history", this.cis.history(ci.number(), 200));
		model.addAttribute("records", this.cis.records(ci.number(), 50));
		model.addAttribute("impact", this.cis.impact(ci.number(), ConfigurationItems.Direction.BOTH, 3));
		model.addAttribute("canEdit", this.cis.mayWrite(ci));
		java.util.Map<String, String> names = new java.util.HashMap<>();
		ci.ciClass().attributes().forEach((a) -> names.put(a.code(), a.name(locale())));
		model.addAttribute("attributeNames", names);
		return "cmdb/ci";
	}

	/** The impact graph for the chart. */
	@GetMapping("/{number:CI-\\d+}/graph")
	@ResponseBody
	ImpactGraph graph(@PathVariable String number,
			@RequestParam(defaultValue = "BOTH") ConfigurationItems.Direction direction,
			@RequestParam(defaultValue = "3") int depth) {
		return this.cis.impact(number, direction, depth);
	}

	@GetMapping("/new")
	String newForm(@RequestParam(name = "class", required = false) String classCode, Model model) {
		this.access.require(ConfigurationItems.WRITE);
		CiFormData form = new CiFormData();
		form.setClassCode(classCode);
		model.addAttribute("form", form);
		return formPage(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") CiFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		try {
			CiView ci = this.cis.create(form, ChangeSource.UI);
			redirect.addFlashAttribute("flash", "cmdb.created");
			redirect.addFlashAttribute("flashArgs", new Object[] { ci.number() });
			return "redirect:/cmdb/" + ci.number();
		}
		catch (DomainException ex) {
			FormErrors.reject(errors, ex);
		}
		return formPage(model, null);
	}

	@GetMapping("/{number:CI-\\d+}/edit")
	String editForm(@PathVariable String number, @RequestParam(required = false) String change, Model model) {
		CiView ci = this.cis.get(number);
		CiFormData form = CiFormData.of(ci);
		// opened from a change's page: the edit is recorded against that change
		form.setChangeNumber(change);
		model.addAttribute("form", form);
		return formPage(model, ci);
	}

	@PostMapping("/{number:CI-\\d+}")
	String update(@PathVariable String number, @ModelAttribute("form") CiFormData form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		CiView ci = this.cis.get(number);
		try {
			this.cis.update(number, form, ChangeSource.UI);
			redirect.addFlashAttribute("flash", "cmdb.saved");
			redirect.addFlashAttribute("flashArgs", new Object[] { ci.number() });
			return "redirect:/cmdb/" + ci.number();
		}
		catch (DomainException ex) {
			FormErrors.reject(errors, ex);
		}
		return formPage(model, ci);
	}

	private String formPage(Model model, CiView ci) {
		CiFormData form = (CiFormData) model.getAttribute("form");
		List<CiClassView> tree = this.classes.tree();
		model.addAttribute("ci", ci);
		model.addAttribute("tree", tree);
		model.addAttribute("ciClass",
				tree.stream().filter((c) -> c.code().equals(form.getClassCode())).findFirst().orElse(null));
		model.addAttribute("states", CiState.values());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("services", this.items.serviceOptions());
		model.addAttribute("locations", this.cis.pick(null, "location", 50));
		return "cmdb/form";
	}

	// ---- baselines and audits

	@GetMapping("/audits")
	String audits(Model model) {
		CurrentUser me = this.access.require(ConfigurationItems.READ);
		model.addAttribute("baselines", this.audits.baselines());
		model.addAttribute("tree", this.classes.tree());
		model.addAttribute("classNames", names(this.classes.tree(), false));
		model.addAttribute("services", this.items.serviceOptions());
		model.addAttribute("canManage", me.has(ConfigurationItems.MANAGE));
		return "cmdb/audits";
	}

	@PostMapping("/baselines")
	String takeBaseline(@RequestParam String name, @RequestParam(required = false) String classCode,
			@RequestParam(required = false) Long serviceId, RedirectAttributes redirect) {
		if (FormErrors.attempt(redirect, "cmdb.baselineTaken", () -> this.audits.take(name,
				(classCode == null || classCode.isBlank()) ? null : classCode, serviceId))) {
			redirect.addFlashAttribute("flashArgs", new Object[] { name });
		}
		return "redirect:/cmdb/audits";
	}

	@PostMapping("/baselines/{id}/audits")
	String runAudit(@PathVariable long id, RedirectAttributes redirect) {
		try {
			ConfigurationAudits.AuditReport r = this.audits.run(id);
			redirect.addFlashAttribute("flash", "cmdb.auditDone");
			return "redirect:/cmdb/audits/" + r.summary().id();
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
			return "redirect:/cmdb/audits";
		}
	}

	@GetMapping("/audits/{id}")
	String auditReport(@PathVariable long id, Model model) {
		model.addAttribute("report", this.audits.report(id));
		model.addAttribute("attributeNames", names(this.classes.tree(), true));
		return "cmdb/audit";
	}

	// ---- import

	@GetMapping("/import")
	String importPage(@RequestParam(name = "class", required = false) String classCode, Model model) {
		this.access.require(ConfigurationItems.WRITE);
		return importModel(model, classCode);
	}

	@PostMapping("/import")
	String importFile(@RequestParam(name = "class") String classCode,
			@RequestParam(defaultValue = "preview") String action,
			@RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
			@RequestParam(required = false) String fileName, @RequestParam(required = false) String content,
			Model model) throws java.io.IOException {
		org.yunwei.platform.web.TableFiles.Upload upload = org.yunwei.platform.web.TableFiles.Upload.of(file, fileName,
				content);
		String name = upload.name();
		byte[] bytes = upload.bytes();
		try {
			if ("import".equals(action)) {
				model.addAttribute("result", this.importer.importAll(classCode, name, bytes));
				return importModel(model, classCode);
			}
			model.addAttribute("preview", this.importer.preview(classCode, name, bytes));
			model.addAttribute("fileName", name);
			model.addAttribute("content", upload.content());
		}
		catch (org.yunwei.platform.ValidationFailed ex) {
			model.addAttribute("violations", ex.violations());
		}
		return importModel(model, classCode);
	}

	private String importModel(Model model, String classCode) {
		List<CiClassView> tree = this.classes.tree();
		model.addAttribute("tree", tree);
		model.addAttribute("ciClass", tree.stream().filter((c) -> c.code().equals(classCode)).findFirst().orElse(null));
		model.addAttribute("classCode", classCode);
		return "cmdb/import";
	}

	// ---- relations

	@PostMapping("/{number:CI-\\d+}/relations")
	String relate(@PathVariable String number, @RequestParam String type, @RequestParam String target,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String changeNumber,
			RedirectAttributes redirect) {
		if (FormErrors.attempt(redirect, "cmdb.related",
				() -> this.cis.relate(number, type, target.strip(), reason, changeNumber, ChangeSource.UI))) {
			redirect.addFlashAttribute("flashArgs", new Object[] { target.strip() });
		}
		return "redirect:/cmdb/" + number + "#relations";
	}

	@PostMapping("/{number:CI-\\d+}/relations/{id}/delete")
	String unrelate(@PathVariable String number, @PathVariable long id, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "cmdb.unrelated",
				() -> this.cis.unrelate(number, id, null, null, ChangeSource.UI));
		return "redirect:/cmdb/" + number + "#relations";
	}

	/** CIs matching the words typed into a picker. */
	@GetMapping("/pick")
	String pick(@RequestParam(required = false) String q, @RequestParam(required = false) String target,
			@RequestParam(required = false) String ci, @RequestParam(name = "class", required = false) String cls,
			@RequestParam(required = false) Long item, @RequestParam(required = false) String mode, Model model) {
		String typed = (q != null) ? q : (target != null) ? target : ci;
		String query = (typed == null) ? "" : typed.strip();
		model.addAttribute("found", query.isEmpty() ? List.of()
				: this.cis.pick(query.length() > 100 ? query.substring(0, 100) : query, cls, 12));
		model.addAttribute("itemId", item);
		return "options".equals(mode) ? "cmdb/panel :: options" : "cmdb/panel :: found";
	}

	// ---- the class model

	@GetMapping("/classes")
	String model(@RequestParam(name = "class", required = false) String classCode, Model model) {
		this.access.require(ConfigurationItems.MANAGE);
		List<CiClassView> tree = this.classes.tree();
		CiClassView selected = tree.stream()
			.filter((c) -> c.code().equals(classCode))
			.findFirst()
			.orElse(tree.isEmpty() ? null : tree.get(0));
		if (!model.containsAttribute("classForm")) {
			model.addAttribute("classForm", (selected == null) ? new CiClassFormData() : CiClassFormData.of(selected));
		}
		if (!model.containsAttribute("newClass")) {
			CiClassFormData fresh = new CiClassFormData();
			fresh.setParentCode((selected == null) ? null : selected.code());
			model.addAttribute("newClass", fresh);
		}
		if (!model.containsAttribute("attributeForm")) {
			model.addAttribute("attributeForm", new AttributeFormData());
		}
		model.addAttribute("tree", tree);
		model.addAttribute("selected", selected);
		model.addAttribute("types", AttributeType.values());
		return "cmdb/classes";
	}

	@PostMapping("/classes")
	String createClass(@Valid @ModelAttribute("newClass") CiClassFormData form, BindingResult errors,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				CiClassView c = this.classes.create(form);
				redirect.addFlashAttribute("flash", "cmdb.classCreated");
				redirect.addFlashAttribute("flashArgs", new Object[] { c.name(locale()) });
				return "redirect:/cmdb/classes?class=" + c.code();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return again(redirect, "newClass", form, errors, form.getParentCode());
	}

	@PostMapping("/classes/{code}")
	String updateClass(@PathVariable String code, @Valid @ModelAttribute("classForm") CiClassFormData form,
			BindingResult errors, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.classes.update(code, form);
				redirect.addFlashAttribute("flash", "cmdb.classSaved");
				return "redirect:/cmdb/classes?class=" + code;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return again(redirect, "classForm", form, errors, code);
	}

	@PostMapping("/classes/{code}/attributes")
	String addAttribute(@PathVariable String code, @Valid @ModelAttribute("attributeForm") AttributeFormData form,
			BindingResult errors, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.classes.addAttribute(code, form);
				redirect.addFlashAttribute("flash", "cmdb.attributeAdded");
				redirect.addFlashAttribute("flashArgs", new Object[] { form.getCode() });
				return "redirect:/cmdb/classes?class=" + code;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return again(redirect, "attributeForm", form, errors, code);
	}

	@PostMapping("/classes/{code}/attributes/{attribute}")
	String updateAttribute(@PathVariable String code, @PathVariable String attribute,
			@Valid @ModelAttribute("attributeForm") AttributeFormData form, BindingResult errors,
			RedirectAttributes redirect) {
		form.setCode(attribute);
		if (!errors.hasErrors()) {
			try {
				this.classes.updateAttribute(code, attribute, form);
				redirect.addFlashAttribute("flash", "cmdb.attributeSaved");
				redirect.addFlashAttribute("flashArgs", new Object[] { attribute });
				return "redirect:/cmdb/classes?class=" + code;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		redirect.addFlashAttribute("editing", attribute);
		return again(redirect, "attributeForm", form, errors, code);
	}

	/** Back to the model page with the form and its errors kept. */
	private static String again(RedirectAttributes redirect, String name, Object form, BindingResult errors,
			String code) {
		redirect.addFlashAttribute(name, form);
		redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
		return "redirect:/cmdb/classes" + ((code == null) ? "" : "?class=" + code);
	}

	/** Attribute (or class) names by code, in the reader's language. */
	private static java.util.Map<String, String> names(List<CiClassView> tree, boolean attributes) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		for (CiClassView c : tree) {
			if (attributes) {
				c.own().forEach((a) -> names.putIfAbsent(a.code(), a.name(locale())));
			}
			else {
				names.put(c.code(), c.name(locale()));
			}
		}
		return names;
	}

	private static String locale() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
	}

	// ---- on a record

	/** On an incident, request, problem or change: its CIs, and those it could name. */
	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		CurrentUser me = this.access.user();
		if (!me.has(ConfigurationItems.READ)) {
			model.addAttribute("item", item);
			model.addAttribute("linked", List.of());
			model.addAttribute("readable", false);
			return "cmdb/panel :: record";
		}
		List<CiRef> linked = this.cis.refs(item.ciIds());
		Set<Long> named = Set.copyOf(item.ciIds());
		model.addAttribute("item", item);
		model.addAttribute("readable", true);
		model.addAttribute("linked", linked);
		model.addAttribute("suggested",
				this.cis.suggested((item.requester() == null) ? null : item.requester().id(), item.serviceId(), 8)
					.stream()
					.filter((c) -> !named.contains(c.id()))
					.toList());
		model.addAttribute("canEdit", this.items.canWork(item.id()));
		return "cmdb/panel :: record";
	}

	@PostMapping("/panel/{itemId}")
	String addToRecord(@PathVariable long itemId, @RequestParam String ci, RedirectAttributes redirect) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		if (FormErrors.attempt(redirect, "cmdb.namedOnRecord", () -> this.cis.addToRecord(itemId, ci.strip()))) {
			redirect.addFlashAttribute("flashArgs", new Object[] { ci.strip() });
		}
		return "redirect:/work/" + item.type() + "/" + item.number();
	}

	@PostMapping("/panel/{itemId}/remove")
	String removeFromRecord(@PathVariable long itemId, @RequestParam long ciId, RedirectAttributes redirect) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		FormErrors.attempt(redirect, "cmdb.removedFromRecord", () -> this.cis.removeFromRecord(itemId, ciId));
		return "redirect:/work/" + item.type() + "/" + item.number();
	}

}
