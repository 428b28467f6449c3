package org.yunwei.workitem.web;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.SlaStatus;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemFilter;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemPanel;
import org.yunwei.workitem.WorkItemSort;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;
import org.yunwei.workitem.Workflows;

/**
 * The screens of any work-item type: the list with its filters, the new-record form, and
 * the record with its actions, journal, workflow diagram, links and watchers.
 */
@Controller
@RequestMapping("/work/{type}")
class WorkItemController {

	private final WorkItems items;

	private final WorkItemTypes types;

	private final Workflows workflows;

	private final Directory directory;

	private final WorkItemExports exports;

	private final org.yunwei.workitem.WorkItemImport importer;

	private final org.yunwei.platform.web.Formats formats;

	private final java.util.List<WorkItemPanel> panels;

	private final org.yunwei.workitem.BulkChanges bulk;

	private final org.yunwei.workitem.Checklists checklists;

	private final org.yunwei.workitem.SavedFilters savedFilters;

	private final org.springframework.context.MessageSource messages;

	WorkItemController(org.yunwei.workitem.Checklists checklists, org.yunwei.workitem.BulkChanges bulk,
			org.yunwei.workitem.SavedFilters savedFilters, org.springframework.context.MessageSource messages,
			WorkItems items, WorkItemTypes types, Workflows workflows, Directory directory, WorkItemExports exports,
			org.yunwei.workitem.WorkItemImport importer, org.yunwei.platform.web.Formats formats,
			java.util.List<WorkItemPanel> panels) {
		this.checklists = checklists;
		this.bulk = bulk;
		this.savedFilters = savedFilters;
		this.messages = messages;
		this.formats = formats;
		this.panels = panels;
		this.importer = importer;
		this.exports = exports;
		this.items = items;
		this.types = types;
		this.workflows = workflows;
		this.directory = directory;
	}

	/**
	 * The list's filter as the form shows it; {@code view} is open, mine, overdue or all.
	 */
	record Filter(String view, String state, Integer priority, String q, SlaStatus sla, Long groupId, Long assigneeId,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate openedFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate openedTo,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate dueFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate dueTo, String sort,
			java.util.Map<String, String> custom) {

		/**
		 * The same filter with the custom field conditions of the request
		 * ({@code cf.<code>}).
		 */
		Filter withCustom(java.util.Map<String, String> params) {
			return new Filter(this.view, this.state, this.priority, this.q, this.sla, this.groupId, this.assigneeId,
					this.openedFrom, this.openedTo, this.dueFrom, this.dueTo, this.sort,
					WorkItemFilter.customConditions(params));
		}

		public String customValue(String code) {
			return (this.custom == null) ? null : this.custom.get(code);
		}

		WorkItemFilter toFilter(String type) {
			String v = (this.view == null || this.view.isBlank()) ? "open" : this.view;
			return new WorkItemFilter(type, null, blank(this.state), this.assigneeId, this.groupId, null, this.priority,
					"open".equals(v) ? Boolean.TRUE : null, "overdue".equals(v) ? Boolean.TRUE : null,
					"mine".equals(v) ? Boolean.TRUE : null, blank(this.q), this.sla, this.openedFrom, this.openedTo,
					this.dueFrom, this.dueTo, builtInSort(), this.custom,
					(this.sort != null && this.sort.startsWith("cf:")) ? this.sort.substring(3) : null);
		}

		/**
		 * The built-in order chosen, if the sort is not a custom field
		 * ({@code cf:<code>}).
		 */
		private WorkItemSort builtInSort() {
			for (WorkItemSort s : WorkItemSort.values()) {
				if (s.name().equals(this.sort)) {
					return s;
				}
			}
			return null;
		}

		/** Whether any of the "more filters" is set (the panel then opens). */
		public boolean more() {
			return this.groupId != null || this.assigneeId != null || this.openedFrom != null || this.openedTo != null
					|| this.dueFrom != null || this.dueTo != null || (this.custom != null && !this.custom.isEmpty());
		}

		/** The filter as a query string, for links, exports and saved filters. */
		public String query() {
			org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
				.newInstance();
			put(b, "view", this.view);
			put(b, "state", this.state);
			put(b, "priority", this.priority);
			put(b, "q", this.q);
			put(b, "sla", this.sla);
			put(b, "groupId", this.groupId);
			put(b, "assigneeId", this.assigneeId);
			put(b, "openedFrom", this.openedFrom);
			put(b, "openedTo", this.openedTo);
			put(b, "dueFrom", this.dueFrom);
			put(b, "dueTo", this.dueTo);
			put(b, "sort", this.sort);
			if (this.custom != null) {
				this.custom.forEach((k, v) -> put(b, "cf." + k, v));
			}
			String query = b.encode().build().getQuery();
			return (query == null) ? "" : query;
		}

		private static void put(org.springframework.web.util.UriComponentsBuilder b, String name, Object value) {
			if (value != null && !value.toString().isBlank()) {
				b.queryParam(name, value.toString());
			}
		}

		public String viewOrDefault() {
			return (this.view == null || this.view.isBlank()) ? "open" : this.view;
		}

	}

	@GetMapping
	String list(@PathVariable String type, Filter bound, @RequestParam(required = false) String after,
			@RequestParam java.util.Map<String, String> params, Model model, HtmxRequest htmx) {
		WorkItemType t = this.types.get(type);
		Filter filter = bound.withCustom(params);
		model.addAttribute("customFields", this.items.customFields(type));
		model.addAttribute("type", t);
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.items.list(filter.toFilter(type), after, 50));
		model.addAttribute("canWrite", this.items.canWrite(type));
		if (htmx.isHtmxRequest() && after != null) {
			return "work/list :: more";
		}
		org.yunwei.workitem.WorkflowDefinition definition = this.workflows.current(type).definition();
		model.addAttribute("transitions", definition.transitions());
		model.addAttribute("groups", this.directory.activeGroups());
		// the assignee pickers list who may work on the type, not every requester
		model.addAttribute("assignees", this.directory.activeUsersWithPermission(t.writePermission()));
		boolean userFields = this.items.customFields(type)
			.stream()
			.anyMatch((f) -> f.kind() == org.yunwei.fields.FieldKind.USER);
		model.addAttribute("users", userFields ? this.directory.activeUsers() : java.util.List.of());
		model.addAttribute("language", this.formats.language());
		if (htmx.isHtmxRequest()) {
			return "work/list :: results";
		}
		model.addAttribute("states", definition.states());
		model.addAttribute("slaStatuses", SlaStatus.values());
		model.addAttribute("sorts", WorkItemSort.values());
		model.addAttribute("savedFilters", this.savedFilters.list(type));
		return "work/list";
	}

	/** Assign, or take a transition on, the records ticked in the list. */
	@PostMapping("/bulk")
	String bulk(@PathVariable String type, @RequestParam(name = "ids", required = false) java.util.List<Long> ids,
			@RequestParam String action, @RequestParam(required = false) Long assigneeId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String transition,
			@RequestParam(required = false) String comment, @RequestParam(defaultValue = "") String back,
			java.util.Locale locale, RedirectAttributes redirect) {
		this.types.get(type);
		try {
			org.yunwei.workitem.BulkChanges.Result result = "transition".equals(action)
					? this.bulk.transition(ids, transition, comment) : this.bulk.assign(ids, assigneeId, groupId);
			redirect.addFlashAttribute("flash", "bulk.done");
			redirect.addFlashAttribute("flashArgs", new Object[] { result.changed(), result.refused().size() });
			redirect.addFlashAttribute("bulkRefused",
					result.refused()
						.stream()
						.map((r) -> r.number() + ": "
								+ this.messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(), locale))
						.toList());
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + (back.isBlank() ? "" : "?" + safeQuery(back));
	}

	/** Saves the list's current filter under a name. */
	@PostMapping("/filters")
	String saveFilter(@PathVariable String type, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "false") boolean shared, @RequestParam(defaultValue = "") String query,
			RedirectAttributes redirect) {
		try {
			this.savedFilters.save(type, name, query, shared);
			redirect.addFlashAttribute("flash", "savedFilter.saved");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + (query.isBlank() ? "" : "?" + safeQuery(query));
	}

	@PostMapping("/filters/{id}/delete")
	String deleteFilter(@PathVariable String type, @PathVariable long id, RedirectAttributes redirect) {
		this.savedFilters.delete(id);
		redirect.addFlashAttribute("flash", "savedFilter.deleted");
		return "redirect:/work/" + type;
	}

	/** A query string kept only if it is one (no way to redirect elsewhere). */
	private static String safeQuery(String query) {
		return query.replaceAll("[^A-Za-z0-9_.~%&=+\\-]", "");
	}

	@GetMapping("/export")
	void export(@PathVariable String type, @RequestParam(defaultValue = "xlsx") String format, Filter filter,
			@RequestParam java.util.Map<String, String> params, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		this.types.get(type);
		this.exports.write(filter.withCustom(params).toFilter(type), format, response);
	}

	@GetMapping("/import")
	String importPage(@PathVariable String type, Model model) {
		model.addAttribute("type", this.types.get(type));
		return "work/import";
	}

	/**
	 * Step one reads the file and shows what each row will do ({@code preview}); step two
	 * imports all rows or none ({@code import}), from the file carried by the preview.
	 */
	@PostMapping("/import")
	String importFile(@PathVariable String type, @RequestParam(defaultValue = "preview") String action,
			@RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
			@RequestParam(required = false) String fileName, @RequestParam(required = false) String content,
			Model model, RedirectAttributes redirect) throws java.io.IOException {
		WorkItemType t = this.types.get(type);
		model.addAttribute("type", t);
		org.yunwei.platform.web.TableFiles.Upload upload = org.yunwei.platform.web.TableFiles.Upload.of(file, fileName,
				content);
		String name = upload.name();
		byte[] bytes = upload.bytes();
		try {
			if ("import".equals(action)) {
				org.yunwei.workitem.WorkItemImport.Result result = this.importer.importAll(type, name, bytes);
				redirect.addFlashAttribute("flash", "import.done");
				redirect.addFlashAttribute("flashArgs", new Object[] { result.created(), result.updated() });
				return "redirect:/work/" + type;
			}
			model.addAttribute("preview", this.importer.preview(type, name, bytes));
			model.addAttribute("fileName", name);
			model.addAttribute("content", upload.content());
		}
		catch (org.yunwei.platform.ValidationFailed ex) {
			model.addAttribute("violations", ex.violations());
		}
		return "work/import";
	}

	@GetMapping("/new")
	String newItem(@PathVariable String type, Model model) {
		WorkItemType t = this.types.get(type);
		if (t.newPage() != null) {
			return "redirect:" + t.newPage();
		}
		model.addAttribute("form", new WorkItemFormData());
		return formPage(t, model);
	}

	@PostMapping
	String create(@PathVariable String type, @Valid @ModelAttribute("form") WorkItemFormData form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		WorkItemType t = this.types.get(type);
		if (!errors.hasErrors()) {
			try {
				WorkItemView created = this.items.create(type, form);
				redirect.addFlashAttribute("flash", "workitem.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.number() });
				return "redirect:/work/" + type + "/" + created.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return formPage(t, model);
	}

	private String formPage(WorkItemType t, Model model) {
		model.addAttribute("type", t);
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("services", this.items.serviceOptions());
		model.addAttribute("customFieldDefs", this.items.customFields(t.code()));
		return "work/new";
	}

	@GetMapping("/{number}")
	String detail(@PathVariable String type, @PathVariable String number, Model model) {
		WorkItemView item = this.items.get(number);
		if (!item.type().equals(type)) {
			return "redirect:/work/" + item.type() + "/" + item.number();
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", WorkItemFormData.of(item, this.items.zone()));
		}
		return detailPage(item, model);
	}

	private String detailPage(WorkItemView item, Model model) {
		model.addAttribute("type", this.types.get(item.type()));
		model.addAttribute("item", item);
		model.addAttribute("canWork", this.items.canWork(item.id()));
		model.addAttribute("transitions", this.items.transitions(item.id()));
		model.addAttribute("approvals", this.items.approvals(item.id()));
		model.addAttribute("actingFor", this.items.actingForMe());
		model.addAttribute("attachments", this.items.attachments(item.id()));
		model.addAttribute("journal", this.items.journal(item.id()));
		model.addAttribute("links", this.items.links(item.id()));
		model.addAttribute("linkKinds", LinkKind.values());
		model.addAttribute("watchers", this.items.watchers(item.id()));
		model.addAttribute("watching", this.items.isWatching(item.id()));
		model.addAttribute("diagram", this.items.diagram(item.id(), this.formats.language()));
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("groups", this.directory.activeGroups());
		java.util.List<org.yunwei.workitem.ServiceOptions.Option> services = this.items.serviceOptions();
		model.addAttribute("services", services);
		model.addAttribute("serviceName",
				services.stream()
					.filter((o) -> item.serviceId() != null && o.id() == item.serviceId())
					.map(org.yunwei.workitem.ServiceOptions.Option::name)
					.findFirst()
					.orElse(null));
		model.addAttribute("panels",
				this.panels.stream()
					.filter((p) -> !p.main())
					.flatMap((p) -> p.url(item).map((u) -> new PanelRef(u, p.live())).stream())
					.toList());
		model.addAttribute("mainPanels",
				this.panels.stream()
					.filter(WorkItemPanel::main)
					.flatMap((p) -> p.url(item).map((u) -> new PanelRef(u, p.live())).stream())
					.toList());
		model.addAttribute("slaStatuses", SlaStatus.values());
		model.addAttribute("customFieldDefs", this.items.customFields(item.type()));
		model.addAttribute("checklist", this.checklists.points(item.id()));
		return "work/detail";
	}

	@PostMapping("/{number}")
	String update(@PathVariable String type, @PathVariable String number,
			@Valid @ModelAttribute("form") WorkItemFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		if (!errors.hasErrors()) {
			try {
				this.items.update(item.id(), form);
				redirect.addFlashAttribute("flash", "workitem.saved");
				return "redirect:/work/" + type + "/" + item.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("editing", true);
		return detailPage(item, model);
	}

	@PostMapping("/{number}/transitions/{name}")
	String take(@PathVariable String type, @PathVariable String number, @PathVariable String name,
			@RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		try {
			WorkItemView after = this.items.take(item.id(), name,
					new TransitionRequest(comment, false, null, null, version));
			redirect.addFlashAttribute("flash", "workitem.transitioned");
			redirect.addFlashAttribute("flashArgs", new Object[] { after.number(), after.stateName() });
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
			redirect.addFlashAttribute("transitionComment", comment);
		}
		return "redirect:/work/" + type + "/" + item.number();
	}

	@PostMapping("/{number}/approvals/{stepId}")
	String decide(@PathVariable String type, @PathVariable String number, @PathVariable long stepId,
			@RequestParam String decision, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		try {
			WorkItemView after = this.items.decide(stepId, "approve".equals(decision), comment);
			redirect.addFlashAttribute("flash", "approve".equals(decision) ? "approval.approved" : "approval.rejected");
			redirect.addFlashAttribute("flashArgs", new Object[] { after.number(), after.stateName() });
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + "/" + item.number();
	}

	@PostMapping("/{number}/attachments")
	String attach(@PathVariable String type, @PathVariable String number,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, RedirectAttributes redirect)
			throws java.io.IOException {
		WorkItemView item = this.items.get(number);
		try {
			this.items.attach(item.id(), file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute("flash", "attachment.added");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + "/" + item.number() + "#attachments";
	}

	@GetMapping("/{number}/attachments/{attachmentId}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> download(@PathVariable String type,
			@PathVariable String number, @PathVariable long attachmentId) throws java.io.IOException {
		return Downloads.of(this.items, this.items.get(number).id(), attachmentId);
	}

	@PostMapping("/{number}/attachments/{attachmentId}/delete")
	String detach(@PathVariable String type, @PathVariable String number, @PathVariable long attachmentId,
			RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		this.items.detach(item.id(), attachmentId);
		redirect.addFlashAttribute("flash", "attachment.removed");
		return "redirect:/work/" + type + "/" + item.number() + "#attachments";
	}

	@PostMapping("/{number}/comments")
	String comment(@PathVariable String type, @PathVariable String number, @RequestParam(required = false) String body,
			@RequestParam(defaultValue = "false") boolean internal, RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		try {
			this.items.comment(item.id(), body, internal);
			redirect.addFlashAttribute("flash", "workitem.commented");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + "/" + item.number() + "#journal";
	}

	@PostMapping("/{number}/links")
	String link(@PathVariable String type, @PathVariable String number, @RequestParam LinkKind kind,
			@RequestParam(required = false) String other, RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		try {
			this.items.link(item.id(), kind, (other == null) ? "" : other.strip());
			redirect.addFlashAttribute("flash", "workitem.linked");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + "/" + item.number() + "#links";
	}

	@PostMapping("/{number}/links/{linkId}/delete")
	String unlink(@PathVariable String type, @PathVariable String number, @PathVariable long linkId,
			RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		this.items.unlink(item.id(), linkId);
		redirect.addFlashAttribute("flash", "workitem.unlinked");
		return "redirect:/work/" + type + "/" + item.number() + "#links";
	}

	@PostMapping("/{number}/watch")
	String watch(@PathVariable String type, @PathVariable String number, @RequestParam boolean watching) {
		WorkItemView item = this.items.get(number);
		this.items.watch(item.id(), watching);
		return "redirect:/work/" + type + "/" + item.number();
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s;
	}

	/** A panel's address, and whether the page refreshes it. */
	record PanelRef(String url, boolean live) {
	}

}
