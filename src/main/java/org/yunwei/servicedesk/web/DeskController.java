package org.yunwei.servicedesk.web;

import java.util.List;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.servicedesk.AgentConsole;
import org.yunwei.servicedesk.Channel;
import org.yunwei.servicedesk.DeskTemplateFormData;
import org.yunwei.servicedesk.DeskTemplateView;
import org.yunwei.servicedesk.DeskTemplates;
import org.yunwei.servicedesk.ServiceDesk;
import org.yunwei.servicedesk.TemplateKind;
import org.yunwei.servicedesk.TicketFormData;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The agent console: the queues of one's groups and what is in them, taking a ticket, the
 * phone intake (look the caller up, see what they raised lately, raise the ticket for
 * them, from a template), the agent's panel on a ticket (caller, canned replies, merge,
 * convert), and the templates the desk's lead maintains.
 */
@Controller
@RequestMapping("/desk")
class DeskController {

	private final AgentConsole console;

	private final DeskTemplates templates;

	private final ServiceDesk desk;

	private final WorkItems items;

	private final AccessControl access;

	private final org.yunwei.servicedesk.DutyRoster duty;

	private final org.yunwei.platform.identity.Directory directory;

	DeskController(AgentConsole console, DeskTemplates templates, ServiceDesk desk, WorkItems items,
			AccessControl access, org.yunwei.servicedesk.DutyRoster duty,
			org.yunwei.platform.identity.Directory directory) {
		this.duty = duty;
		this.directory = directory;
		this.console = console;
		this.templates = templates;
		this.desk = desk;
		this.items = items;
		this.access = access;
	}

	/** The console: the queues, and the one chosen ({@code group}, or {@code mine}). */
	@GetMapping
	String console(@RequestParam(required = false) String queue, Model model) {
		List<AgentConsole.Queue> queues = this.console.queues();
		Long group = null;
		boolean mine = "mine".equals(queue);
		if (!mine) {
			if (queue != null && queue.matches("[0-9]{1,18}")) {
				group = Long.valueOf(queue);
			}
			else if (!queues.isEmpty()) {
				group = queues.get(0).groupId();
			}
			else {
				mine = true;
			}
		}
		final Long chosen = group;
		model.addAttribute("queues", queues);
		model.addAttribute("mine", mine);
		model.addAttribute("chosen", chosen);
		model.addAttribute("chosenName",
				queues.stream()
					.filter((q) -> chosen != null && q.groupId() == chosen)
					.map(AgentConsole.Queue::name)
					.findFirst()
					.orElse(null));
		model.addAttribute("sections", this.console.queue(mine ? null : chosen));
		model.addAttribute("me", this.access.user().id());
		return "desk/console";
	}

	@PostMapping("/tickets/{number}/take")
	String take(@PathVariable String number, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			WorkItemView item = this.console.take(number, version);
			redirect.addFlashAttribute("flash", "desk.taken");
			redirect.addFlashAttribute("flashArgs", new Object[] { item.number() });
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:" + backTo(back, "/desk");
	}

	@PostMapping("/tickets/{number}/merge")
	String merge(@PathVariable String number, @RequestParam(required = false) String into,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		try {
			WorkItemView target = this.console.merge(number, into, comment);
			redirect.addFlashAttribute("flash", "desk.merged");
			redirect.addFlashAttribute("flashArgs", new Object[] { number, target.number() });
			return "redirect:/work/" + target.type() + "/" + target.number();
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
			return "redirect:" + page(number);
		}
	}

	@PostMapping("/tickets/{number}/convert")
	String convert(@PathVariable String number, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		try {
			WorkItemView to = this.console.convert(number, comment);
			redirect.addFlashAttribute("flash", "desk.converted");
			redirect.addFlashAttribute("flashArgs", new Object[] { number, to.number() });
			return "redirect:/work/" + to.type() + "/" + to.number();
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
			return "redirect:" + page(number);
		}
	}

	/** The agent's panel on a ticket's page. */
	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		model.addAttribute("item", item);
		boolean agent = this.console.isAgent() && this.items.canWork(item.id());
		model.addAttribute("agent", agent);
		if (item.requester() != null && agent) {
			AgentConsole.Caller caller = this.console.caller(item.requester().id());
			model.addAttribute("caller", caller);
			model.addAttribute("others", caller.recent().stream().filter((r) -> r.id() != item.id()).toList());
		}
		if (agent) {
			String me = this.access.user().displayName();
			String requester = (item.requester() == null) ? null : item.requester().name();
			model.addAttribute("replies",
					this.templates.active(TemplateKind.REPLY)
						.stream()
						.map((t) -> new Reply(t.name(), t.fill(requester, item.number(), item.title(), me)))
						.toList());
		}
		return "desk/panel :: panel";
	}

	/** A canned reply as the panel offers it: its name and its filled-in text. */
	record Reply(String name, String text) {
	}

	// ---- phone intake

	/**
	 * The phone intake: {@code q} looks the caller up, {@code caller} chooses them (their
	 * recent tickets show), {@code template} fills the form.
	 */
	@GetMapping("/phone")
	String phone(@RequestParam(name = "who", required = false) String q, @RequestParam(required = false) Long caller,
			@RequestParam(required = false) Long template, Model model) {
		TicketFormData form = new TicketFormData();
		if (template != null) {
			DeskTemplateView t = this.templates.get(template);
			if (t.kind() == TemplateKind.TICKET) {
				form.setKind(t.ticketKind());
				form.setTitle(t.title());
				form.setDescription(t.body());
				if (t.urgency() != null) {
					form.setUrgency(t.urgency());
				}
				form.setImpact(t.impact());
				form.setServiceId(t.serviceId());
			}
		}
		form.setRequesterId(caller);
		model.addAttribute("form", form);
		model.addAttribute("q", q);
		model.addAttribute("template", template);
		if (q != null && !q.isBlank()) {
			model.addAttribute("matches", this.console.callers(q));
		}
		return phonePage(model, caller);
	}

	@PostMapping("/phone")
	String raiseByPhone(@Valid @ModelAttribute("form") TicketFormData form, BindingResult errors,
			@RequestParam(required = false) boolean takeNow, Model model, RedirectAttributes redirect) {
		if (form.getRequesterId() == null) {
			errors.rejectValue("requesterId", "desk.error.callerRequired");
		}
		if (!errors.hasErrors()) {
			try {
				WorkItemView item = this.desk.raise(form, Channel.PHONE);
				if (takeNow) {
					item = this.console.take(item.number(), null);
				}
				redirect.addFlashAttribute("flash", "desk.phoneRaised");
				redirect.addFlashAttribute("flashArgs", new Object[] { item.number() });
				return "redirect:/work/" + item.type() + "/" + item.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return phonePage(model, form.getRequesterId());
	}

	private String phonePage(Model model, Long caller) {
		if (caller != null) {
			model.addAttribute("caller", this.console.caller(caller));
		}
		model.addAttribute("ticketTemplates", this.templates.active(TemplateKind.TICKET));
		model.addAttribute("kinds", TicketKind.values());
		model.addAttribute("services", this.items.serviceOptions());
		return "desk/phone";
	}

	// ---- duty roster

	/**
	 * The roster from {@code from} (default today) for two weeks, and the form to add a
	 * shift.
	 */
	@GetMapping("/duty")
	String duty(
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
			Model model) {
		java.time.LocalDate start = (from != null) ? from : java.time.LocalDate.now(this.items.zone());
		model.addAttribute("from", start);
		model.addAttribute("shifts", this.duty.shifts(start, start.plusDays(13)));
		model.addAttribute("status", this.duty.status());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("canManage", this.access.user().has(DeskTemplates.MANAGE));
		return "desk/duty";
	}

	@PostMapping("/duty")
	String addShift(@ModelAttribute org.yunwei.servicedesk.DutyRoster.DutyFormData form, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "desk.duty.added", () -> this.duty.add(form));
		return "redirect:/desk/duty";
	}

	@PostMapping("/duty/{id}/delete")
	String removeShift(@PathVariable long id, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "desk.duty.removed", () -> this.duty.remove(id));
		return "redirect:/desk/duty";
	}

	// ---- templates and canned replies

	@GetMapping("/templates")
	String templates(@RequestParam(required = false) Long edit, @RequestParam(required = false) TemplateKind kind,
			Model model) {
		DeskTemplateFormData form = new DeskTemplateFormData();
		if (edit != null) {
			form = DeskTemplateFormData.of(this.templates.get(edit));
		}
		else if (kind != null) {
			form.setKind(kind);
		}
		model.addAttribute("form", form);
		model.addAttribute("editing", edit);
		return templatesPage(model);
	}

	@PostMapping("/templates")
	String createTemplate(@Valid @ModelAttribute("form") DeskTemplateFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				DeskTemplateView t = this.templates.create(form);
				redirect.addFlashAttribute("flash", "desk.template.saved");
				redirect.addFlashAttribute("flashArgs", new Object[] { t.name() });
				return "redirect:/desk/templates";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return templatesPage(model);
	}

	@PostMapping("/templates/{id}")
	String updateTemplate(@PathVariable long id, @Valid @ModelAttribute("form") DeskTemplateFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				DeskTemplateView t = this.templates.update(id, form);
				redirect.addFlashAttribute("flash", "desk.template.saved");
				redirect.addFlashAttribute("flashArgs", new Object[] { t.name() });
				return "redirect:/desk/templates";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("editing", id);
		return templatesPage(model);
	}

	private String templatesPage(Model model) {
		model.addAttribute("templates", this.templates.all());
		model.addAttribute("templateKinds", TemplateKind.values());
		model.addAttribute("kinds", TicketKind.values());
		model.addAttribute("services", this.items.serviceOptions());
		return "desk/templates";
	}

	private String page(String number) {
		try {
			WorkItemView item = this.items.get(number);
			return "/work/" + item.type() + "/" + item.number();
		}
		catch (DomainException ex) {
			return "/desk";
		}
	}

	/** Only a path of this application: never an address elsewhere. */
	private static String backTo(String back, String otherwise) {
		return (back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")) ? back
				: otherwise;
	}

}
