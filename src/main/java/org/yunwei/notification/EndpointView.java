package org.yunwei.notification;

import java.util.List;

/**
 * An endpoint as admins see it: its URL shown only up to the host (the rest carries the
 * robot's token), whether a secret is set, never the secret.
 */
public record EndpointView(long id, int version, String name, Channel kind, String urlShown, boolean hasSecret,
		List<String> events, String language, boolean active) {
}
