package org.yunwei.notification.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.notification.Channel;
import org.yunwei.notification.DeliveryStatus;
import org.yunwei.notification.DeliveryView;
import org.yunwei.notification.EndpointFormData;
import org.yunwei.notification.EndpointView;
import org.yunwei.notification.InboxEntry;
import org.yunwei.notification.NotificationEvent;
import org.yunwei.notification.Notifications;
import org.yunwei.notification.TemplateView;
import org.yunwei.platform.KeysetPage;

/**
 * Notifications over REST: one's own, and the administrator's endpoints, templates and
 * log.
 */
@RestController
@Tag(name = "Notifications")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "My notifications, newest first (keyset paging)")
	KeysetPage<InboxEntry> mine(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) String after, @RequestParam(required = false) Integer size) {
		return this.notifications.inbox(unread, after, size);
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@Operation(summary = "Mark one of my notifications read")
	ResponseEntity<Void> read(@PathVariable long id) {
		this.notifications.markRead(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/notifications/read-all")
	@Operation(summary = "Mark all my notifications read")
	Map<String, Integer> readAll() {
		return Map.of("marked", this.notifications.markAllRead());
	}

	@GetMapping("/api/v1/notifications/preferences")
	@Operation(summary = "My channels and whether each is on")
	Map<Channel, Boolean> preferences() {
		return this.notifications.preferences();
	}

	@PutMapping("/api/v1/notifications/preferences")
	@Operation(summary = "Switch my channels on or off (IN_APP, EMAIL)")
	Map<Channel, Boolean> savePreferences(@RequestBody Map<Channel, Boolean> choices) {
		this.notifications.savePreferences(choices);
		return this.notifications.preferences();
	}

	@GetMapping("/api/v1/notification-endpoints")
	@Operation(summary = "Chat robots and webhooks")
	List<EndpointView> endpoints() {
		return this.notifications.endpoints();
	}

	@PostMapping("/api/v1/notification-endpoints")
	@Operation(summary = "Add a chat robot or webhook")
	ResponseEntity<EndpointView> create(@Valid @RequestBody EndpointFormData form) {
		EndpointView created = this.notifications.createEndpoint(form);
		return ResponseEntity.created(URI.create("/api/v1/notification-endpoints/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/notification-endpoints/{id}")
	EndpointView endpoint(@PathVariable long id) {
		return this.notifications.endpoint(id);
	}

	@PutMapping("/api/v1/notification-endpoints/{id}")
	@Operation(summary = "Change an endpoint (a blank URL or secret keeps the stored one)")
	EndpointView update(@PathVariable long id, @Valid @RequestBody EndpointFormData form) {
		return this.notifications.updateEndpoint(id, form);
	}

	@DeleteMapping("/api/v1/notification-endpoints/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.notifications.deleteEndpoint(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/notification-endpoints/{id}/test")
	@Operation(summary = "Queue a test message to the endpoint")
	DeliveryView test(@PathVariable long id) {
		return this.notifications.test(id);
	}

	@GetMapping("/api/v1/notification-templates")
	List<TemplateView> templates() {
		return this.notifications.templates();
	}

	/** A template's new wording. */
	record TemplateText(String subject, String body) {
	}

	@PutMapping("/api/v1/notification-templates/{event}/{language}")
	@Operation(summary = "Change an event's message in one language (zh, en)")
	TemplateView saveTemplate(@PathVariable String event, @PathVariable String language,
			@RequestBody TemplateText text) {
		return this.notifications.saveTemplate(NotificationEvent.of(event), language, text.subject(), text.body());
	}

	@GetMapping("/api/v1/notification-deliveries")
	@Operation(summary = "The delivery log, newest first (keyset paging)")
	KeysetPage<DeliveryView> deliveries(@RequestParam(required = false) DeliveryStatus status,
			@RequestParam(required = false) String after, @RequestParam(required = false) Integer size) {
		return this.notifications.deliveries(status, after, size);
	}

	@GetMapping("/api/v1/notification-deliveries/{id}")
	@Operation(summary = "One delivery with every attempt")
	DeliveryView delivery(@PathVariable long id) {
		return this.notifications.delivery(id);
	}

	@PostMapping("/api/v1/notification-deliveries/{id}/retry")
	@Operation(summary = "Send a failed delivery again")
	DeliveryView retry(@PathVariable long id) {
		return this.notifications.retry(id);
	}

}
