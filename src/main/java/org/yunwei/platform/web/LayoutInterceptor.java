package org.yunwei.platform.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;

/**
 * Puts what the layout needs into every rendered page: the signed-in user, the navigation
 * they may use (grouped by area), the current path and language.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final AccessControl access;

	private final List<NavContributor> contributors;

	LayoutInterceptor(AccessControl access, List<NavContributor> contributors) {
		this.access = access;
		this.contributors = contributors;
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
	}

}
