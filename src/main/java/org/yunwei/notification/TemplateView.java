package org.yunwei.notification;

/** The subject and body of one event's message in one language, with {placeholders}. */
public record TemplateView(NotificationEvent event, String language, String subject, String body) {
}
