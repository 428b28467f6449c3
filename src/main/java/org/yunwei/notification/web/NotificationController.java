package org.yunwei.notification.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.notification.Channel;
import org.yunwei.notification.DeliveryStatus;
import org.yunwei.notification.DeliveryView;
import org.yunwei.notification.EndpointFormData;
import org.yunwei.notification.NotificationEvent;
import org.yunwei.notification.Notifications;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.web.FormErrors;

/**
 * Notifications in the browser: the person's own (all of them, mark read, channel
 * choices) and, for administrators, endpoints, templates and the delivery log.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	// ---- mine

	@GetMapping("/notifications")
	String mine(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String after,
			Model model) {
		model.addAttribute("page", this.notifications.inbox(unread, after, 50));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unreadCount", this.notifications.unread());
		model.addAttribute("preferences", this.notifications.preferences());
		return "notification/mine";
	}

	@GetMapping("/notifications/{id}")
	String open(@PathVariable long id) {
		return "redirect:" + this.notifications.open(id);
	}

	@PostMapping("/notifications/read-all")
	String readAll(RedirectAttributes redirect) {
		int n = this.notifications.markAllRead();
		redirect.addFlashAttribute("flash", "notification.readAll.done");
		redirect.addFlashAttribute("flashArgs", new Object[] { n });
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/preferences")
	String preferences(@RequestParam(defaultValue = "false") boolean inApp,
			@RequestParam(defaultValue = "false") boolean email, RedirectAttributes redirect) {
		Map<Channel, Boolean> choices = new EnumMap<>(Channel.class);
		choices.put(Channel.IN_APP, inApp);
		choices.put(Channel.EMAIL, email);
		this.notifications.savePreferences(choices);
		redirect.addFlashAttribute("flash", "notification.preferences.saved");
		return "redirect:/notifications";
	}

	// ---- administration

	@GetMapping("/admin/notifications")
	String admin(@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) String after,
			Model model) {
		model.addAttribute("endpoints", this.notifications.endpoints());
		model.addAttribute("templates", this.notifications.templates());
		model.addAttribute("deliveries", this.notifications.deliveries(status, after, 50));
		model.addAttribute("counts", this.notifications.counts());
		model.addAttribute("status", status);
		model.addAttribute("statuses", DeliveryStatus.values());
		return "notification/admin";
	}

	@GetMapping("/admin/notifications/endpoints/new")
	String newEndpoint(Model model) {
		EndpointFormData form = new EndpointFormData();
		form.getEvents().add(NotificationEvent.SLA_BREACH.code());
		model.addAttribute("form", form);
		return endpointPage(model, null);
	}

	@GetMapping("/admin/notifications/endpoints/{id}")
	String endpoint(@PathVariable long id, Model model) {
		var endpoint = this.notifications.endpoint(id);
		model.addAttribute("form", EndpointFormData.of(endpoint));
		return endpointPage(model, endpoint);
	}

	@PostMapping("/admin/notifications/endpoints")
	String createEndpoint(@Valid @ModelAttribute("form") EndpointFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				var created = this.notifications.createEndpoint(form);
				redirect.addFlashAttribute("flash", "notification.endpoint.saved");
				return "redirect:/admin/notifications/endpoints/" + created.id();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return endpointPage(model, null);
	}

	@PostMapping("/admin/notifications/endpoints/{id}")
	String updateEndpoint(@PathVariable long id, @Valid @ModelAttribute("form") EndpointFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.notifications.updateEndpoint(id, form);
				redirect.addFlashAttribute("flash", "notification.endpoint.saved");
				return "redirect:/admin/notifications/endpoints/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return endpointPage(model, this.notifications.endpoint(id));
	}

	@PostMapping("/admin/notifications/endpoints/{id}/delete")
	String deleteEndpoint(@PathVariable long id, RedirectAttributes redirect) {
		this.notifications.deleteEndpoint(id);
		redirect.addFlashAttribute("flash", "notification.endpoint.deleted");
		return "redirect:/admin/notifications";
	}

	@PostMapping("/admin/notifications/endpoints/{id}/test")
	String testEndpoint(@PathVariable long id, RedirectAttributes redirect) {
		DeliveryView d = this.notifications.test(id);
		redirect.addFlashAttribute("flash", "notification.endpoint.testQueued");
		return "redirect:/admin/notifications/deliveries/" + d.id();
	}

	private String endpointPage(Model model, Object endpoint) {
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("kinds", new Channel[] { Channel.WECOM, Channel.DINGTALK, Channel.FEISHU, Channel.WEBHOOK });
		model.addAttribute("events", NotificationEvent.values());
		return "notification/endpoint";
	}

	@PostMapping("/admin/notifications/templates/{event}/{language}")
	String saveTemplate(@PathVariable String event, @PathVariable String language, @RequestParam String subject,
			@RequestParam String body, RedirectAttributes redirect) {
		try {
			this.notifications.saveTemplate(NotificationEvent.of(event), language, subject, body);
			redirect.addFlashAttribute("flash", "notification.template.saved");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/admin/notifications#templates";
	}

	@GetMapping("/admin/notifications/deliveries/{id}")
	String delivery(@PathVariable long id, Model model) {
		model.addAttribute("delivery", this.notifications.delivery(id));
		return "notification/delivery";
	}

	@PostMapping("/admin/notifications/deliveries/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		this.notifications.retry(id);
		redirect.addFlashAttribute("flash", "notification.delivery.retried");
		return "redirect:/admin/notifications/deliveries/" + id;
	}

}
