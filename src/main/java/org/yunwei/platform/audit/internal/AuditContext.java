package org.yunwei.platform.audit.internal;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.identity.AuthenticatedUser;

/**
 * Fills in who and from where: the authenticated user and the client address of the
 * request.
 */
final class AuditContext {

	static final String SYSTEM_ACTOR = "system";

	private AuditContext() {
	}

	static AuditRecord toRecord(AuditEvent event) {
		String actor = event.actor();
		Long actorId = event.actorId();
		if (actor == null) {
			AuthenticatedUser user = currentUser();
			actor = (user != null) ? user.username() : SYSTEM_ACTOR;
			actorId = (user != null) ? user.id() : null;
		}
		String changes = event.changes().isEmpty() ? null : toJson(event.changes());
		return new AuditRecord(AuditHashing.stamp(Instant.now()), actor, actorId, sourceIp(), event.action().name(),
				event.recordType(), event.recordId(), truncate(event.summary(), 500), changes);
	}

	static AuthenticatedUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
			return user;
		}
		return null;
	}

	static String sourceIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	static String toJson(Map<String, AuditEvent.Change> changes) {
		return JsonMapper.shared().writeValueAsString(changes);
	}

	private static String truncate(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max - 1) + "…";
	}

}
