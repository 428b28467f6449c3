package org.yunwei.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.ApiTokenManagement;
import org.yunwei.platform.identity.ApiTokenView;
import org.yunwei.platform.identity.CurrentUser;

/**
 * Puts what the layout needs into every rendered page: the signed-in user, the navigation
 * they may use (grouped by area), the current path and language.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final AccessControl access;

	private final List<NavContributor> contributors;

	private final ApiTokenManagement tokens;

	private final JdbcTemplate jdbc;

	private final org.springframework.beans.factory.ObjectProvider<InboxContributor> inbox;

	LayoutInterceptor(AccessControl access, List<NavContributor> contributors, ApiTokenManagement tokens,
			JdbcTemplate jdbc, org.springframework.beans.factory.ObjectProvider<InboxContributor> inbox) {
		this.inbox = inbox;
		this.access = access;
		this.contributors = contributors;
		this.tokens = tokens;
		this.jdbc = jdbc;
	}

	/** One entry of the notification bell. */
	public record Notice(String messageKey, Object arg, String link) {
	}

	private List<Notice> notices(CurrentUser me) {
		List<Notice> notices = new ArrayList<>();
		Instant now = Instant.now();
		for (ApiTokenView t : this.tokens.mine()) {
			if (t.revokedAt() == null && t.expiresAt().isAfter(now)
					&& t.expiresAt().isBefore(now.plus(Duration.ofDays(7)))) {
				notices.add(new Notice("notice.tokenExpiring", t.name(), "/profile#tokens"));
			}
		}
		if (me.has("user:unlock")) {
			Long locked = this.jdbc.queryForObject("select count(*) from pf_user where locked_until > ?", Long.class,
					now.atOffset(ZoneOffset.UTC));
			if (locked != null && locked > 0) {
				notices.add(new Notice("notice.lockedAccounts", locked, "/admin/users"));
			}
		}
		return notices;
	}

	/** A navigation section with the items the user may open. */
	public record NavSection(NavArea area, List<NavItem> items) {
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
		if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
			return;
		}
		CurrentUser me = this.access.current().orElse(null);
		mav.addObject("me", me);
		mav.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
		if (me == null) {
			return;
		}
		Map<NavArea, List<NavItem>> byArea = new EnumMap<>(NavArea.class);
		for (NavContributor c : this.contributors) {
			for (NavItem item : c.items()) {
				if (item.permission() == null || me.has(item.permission())) {
					byArea.computeIfAbsent(item.area(), (a) -> new ArrayList<>()).add(item);
				}
			}
		}
		List<NavSection> nav = new ArrayList<>();
		byArea.forEach((area, items) -> nav.add(new NavSection(area, items)));
		mav.addObject("nav", nav);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String active = null;
		for (NavSection section : nav) {
			for (NavItem item : section.items()) {
				boolean matches = path.equals(item.path()) || path.startsWith(item.path() + "/")
						|| path.startsWith(item.path() + "?");
				if (matches && (active == null || item.path().length() > active.length())) {
					active = item.path();
				}
			}
		}
		mav.addObject("activeNav", active);
		mav.addObject("notices", notices(me));
		InboxContributor contributor = this.inbox.getIfAvailable();
		mav.addObject("inbox", (contributor != null) ? contributor.inbox(me.id(), 5) : InboxContributor.Inbox.EMPTY);
	}

}
