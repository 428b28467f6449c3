package org.yunwei.servicedesk.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.fields.FieldKind;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FileDownloads;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.servicedesk.Acceptance;
import org.yunwei.servicedesk.Callbacks;
import org.yunwei.servicedesk.Catalogue;
import org.yunwei.servicedesk.CatalogueItemView;
import org.yunwei.servicedesk.Channel;
import org.yunwei.servicedesk.Rejection;
import org.yunwei.servicedesk.ServiceDesk;
import org.yunwei.servicedesk.TicketFormData;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.AttachmentView;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The self-service portal: a department user reports a fault or asks for a service,
 * follows their tickets, adds comments and files, and accepts (with a rating) or rejects
 * the result; and the service-desk panel on the staff's record pages.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

	private final ServiceDesk desk;

	private final WorkItems items;

	private final Catalogue catalogue;

	private final Directory directory;

	private final Callbacks callbacks;

	private final org.yunwei.servicedesk.DutyRoster duty;

	PortalController(ServiceDesk desk, WorkItems items, Catalogue catalogue, Directory directory, Callbacks callbacks,
			org.yunwei.servicedesk.DutyRoster duty) {
		this.duty = duty;
		this.callbacks = callbacks;
		this.desk = desk;
		this.items = items;
		this.catalogue = catalogue;
		this.directory = directory;
	}

	/** How many of their tickets the portal lists before "show all" (open ones first). */
	private static final int PORTAL_TICKETS = 15;

	@GetMapping
	String home(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean all, Model model,
			Locale locale) {
		List<org.yunwei.workitem.WorkItemRow> tickets = this.desk.mine(all ? 200 : PORTAL_TICKETS + 1);
		model.addAttribute("moreTickets", !all && tickets.size() > PORTAL_TICKETS);
		model.addAttribute("tickets",
				(!all && tickets.size() > PORTAL_TICKETS) ? tickets.subList(0, PORTAL_TICKETS) : tickets);
		model.addAttribute("serviceStatus", this.duty.status());
		Map<String, List<CatalogueItemView>> categories = new LinkedHashMap<>();
		// someone who may only report faults sees no catalogue
		if (this.catalogue.isReader()) {
			for (CatalogueItemView i : this.catalogue.list(false)) {
				categories.computeIfAbsent(i.category(locale.getLanguage()), (k) -> new ArrayList<>()).add(i);
			}
		}
		model.addAttribute("categories", categories);
		return "portal/home";
	}

	/**
	 * The form to report a fault or ask for a service; {@code item} asks for a catalogue
	 * item, with its own fields.
	 */
	@GetMapping("/new")
	String newTicket(@RequestParam(required = false) TicketKind kind, @RequestParam(required = false) String item,
			Model model, Locale locale) {
		TicketFormData form = new TicketFormData();
		if (kind != null) {
			form.setKind(kind);
		}
		if (item != null && !item.isBlank()) {
			CatalogueItemView asked = this.catalogue.get(item);
			form.setKind(TicketKind.REQUEST);
			form.setCatalogueItem(asked.code());
			form.setTitle(asked.name(locale.getLanguage()));
			form.setServiceId(asked.serviceId());
		}
		model.addAttribute("form", form);
		return formPage(model);
	}

	@PostMapping
	String raise(@Valid @ModelAttribute("form") TicketFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				WorkItemView item = this.desk.raise(form, Channel.PORTAL);
				redirect.addFlashAttribute("flash", "portal.raised");
				redirect.addFlashAttribute("flashArgs", new Object[] { item.number() });
				return "redirect:/portal/tickets/" + item.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return formPage(model);
	}

	@GetMapping("/tickets/{number}")
	String ticket(@PathVariable String number, Model model) {
		model.addAttribute("ticket", this.desk.ticket(number));
		model.addAttribute("attachments", this.items.attachments(this.items.get(number).id()));
		return "portal/ticket";
	}

	@PostMapping("/tickets/{number}/accept")
	String accept(@PathVariable String number, @RequestParam(required = false) Integer rating,
			@RequestParam(required = false) String comment, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		if (rating == null || rating < 1 || rating > 5) {
			redirect.addFlashAttribute("flashError", "portal.error.rating");
			return "redirect:/portal/tickets/" + number + "#decision";
		}
		return act(number, redirect, "portal.accepted",
				() -> this.desk.accept(number, new Acceptance(rating, comment, version)));
	}

	@PostMapping("/tickets/{number}/reject")
	String reject(@PathVariable String number, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		if (reason == null || reason.isBlank()) {
			redirect.addFlashAttribute("flashError", "portal.error.reason");
			return "redirect:/portal/tickets/" + number + "#decision";
		}
		return act(number, redirect, "portal.rejected", () -> this.desk.reject(number, new Rejection(reason, version)));
	}

	@PostMapping("/tickets/{number}/cancel")
	String cancel(@PathVariable String number, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(number, redirect, "portal.cancelled", () -> this.items.take(this.items.get(number).id(),
				ServiceDesk.CANCEL, new TransitionRequest(reason, false, null, null, null)));
	}

	@PostMapping("/tickets/{number}/comments")
	String comment(@PathVariable String number, @RequestParam(required = false) String body,
			RedirectAttributes redirect) {
		return act(number, redirect, "portal.commented",
				() -> this.items.comment(this.items.get(number).id(), body, false));
	}

	@PostMapping("/tickets/{number}/attachments")
	String attach(@PathVariable String number, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		byte[] bytes = file.getBytes();
		return act(number, redirect, "attachment.added",
				() -> this.items.attach(this.items.get(number).id(), file.getOriginalFilename(), bytes));
	}

	@GetMapping("/tickets/{number}/attachments/{attachmentId}")
	ResponseEntity<Resource> download(@PathVariable String number, @PathVariable long attachmentId) throws IOException {
		long id = this.items.get(number).id();
		AttachmentView a = this.items.attachment(id, attachmentId);
		return FileDownloads.of(a.fileName(), a.contentType(), a.size(), this.items.content(id, attachmentId));
	}

	/**
	 * The channel, the catalogue item and its answers, and the rating, on the staff's
	 * page of the record.
	 */
	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		// only for those who may read the record
		boolean callback = Callbacks.TYPE.equals(this.items.get(String.valueOf(itemId)).type());
		model.addAttribute("isCallback", callback);
		model.addAttribute("channel", this.desk.channel(itemId));
		this.desk.catalogueItem(itemId).ifPresent((c) -> {
			model.addAttribute("catalogueItem", c);
			model.addAttribute("answers", this.desk.answers(c, itemId));
		});
		model.addAttribute("satisfaction", this.desk.satisfaction(itemId).orElse(null));
		model.addAttribute("callbacks", this.callbacks.involving(itemId));
		return "portal/panel :: panel";
	}

	private String act(String number, RedirectAttributes redirect, String done, Runnable action) {
		FormErrors.attempt(redirect, done, action);
		return "redirect:/portal/tickets/" + number;
	}

	private String formPage(Model model) {
		TicketFormData form = (TicketFormData) model.getAttribute("form");
		if (form != null && form.getCatalogueItem() != null && !form.getCatalogueItem().isBlank()) {
			CatalogueItemView asked = this.catalogue.get(form.getCatalogueItem());
			model.addAttribute("catalogueItem", asked);
			model.addAttribute("customFieldDefs", asked.fields());
			if (asked.fields().stream().anyMatch((f) -> f.kind() == FieldKind.USER)) {
				model.addAttribute("users", this.directory.activeUsers());
			}
			if (asked.fields().stream().anyMatch((f) -> f.kind() == FieldKind.GROUP)) {
				model.addAttribute("groups", this.directory.activeGroups());
			}
		}
		model.addAttribute("kinds", TicketKind.values());
		model.addAttribute("services", this.items.serviceOptions());
		return "portal/new";
	}

}
