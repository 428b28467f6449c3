package org.yunwei.platform.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.yunwei.platform.Forbidden;
import org.yunwei.platform.identity.internal.GroupRepository;
import org.yunwei.platform.identity.internal.Role;
import org.yunwei.platform.identity.internal.RoleRepository;
import org.yunwei.platform.identity.internal.UserAccount;
import org.yunwei.platform.identity.internal.UserRepository;

/**
 * Who is signed in and what they may do. Permissions are read from the database once per
 * request, so a role granted or withdrawn takes effect on the user's next request, not
 * their next login. Every facade method that reads or changes data starts with
 * {@link #require(String)}.
 */
@Component
@Transactional(readOnly = true)
public class AccessControl {

	private static final String CACHE = AccessControl.class.getName() + ".current";

	private final UserRepository users;

	private final RoleRepository roles;

	private final GroupRepository groups;

	AccessControl(UserRepository users, RoleRepository roles, GroupRepository groups) {
		this.users = users;
		this.roles = roles;
		this.groups = groups;
	}

	/** The signed-in user, if any (and still active). */
	public Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser principal)) {
			return Optional.empty();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser c
				&& c.id() == principal.id()) {
			return Optional.of(c);
		}
		Optional<CurrentUser> loaded = load(principal.id());
		if (request != null && loaded.isPresent()) {
			request.setAttribute(CACHE, loaded.get(), RequestAttributes.SCOPE_REQUEST);
		}
		return loaded;
	}

	/** The signed-in user; a 403 when nobody is. */
	public CurrentUser user() {
		return current().orElseThrow(() -> new Forbidden("error.forbidden.anonymous"));
	}

	public boolean has(String permission) {
		return current().map((u) -> u.has(permission)).orElse(false);
	}

	/**
	 * Returns the signed-in user when they hold the permission, else throws
	 * {@link Forbidden}.
	 */
	public CurrentUser require(String permission) {
		CurrentUser user = user();
		if (!user.has(permission)) {
			throw Forbidden.missing(permission);
		}
		return user;
	}

	/**
	 * Runs work on behalf of a user outside any request (a scheduled job acting for the
	 * person who set it up): their permissions and record scope apply, and the audit
	 * trail names them. Refused when the account is missing or inactive. The action runs
	 * outside any transaction of the caller; it opens its own.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public <T> T runAs(long userId, java.util.function.Supplier<T> action) {
		UserAccount user = this.users.findById(userId)
			.filter(UserAccount::isActive)
			.orElseThrow(() -> new Forbidden("error.forbidden.inactive", userId));
		var context = SecurityContextHolder.getContext();
		var previous = context.getAuthentication();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(new AuthenticatedUser(user.getId(), user.getUsername(), user.getDisplayName()), null,
					java.util.List.of()));
		try {
			return action.get();
		}
		finally {
			context.setAuthentication(previous);
		}
	}

	/** Forgets the cached user of this request (after their roles changed). */
	public void refresh() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	private Optional<CurrentUser> load(long userId) {
		Optional<UserAccount> found = this.users.findById(userId);
		if (found.isEmpty() || !found.get().isActive()) {
			return Optional.empty();
		}
		UserAccount user = found.get();
		List<Role> held = this.roles.findAllById(user.getRoleIds());
		Map<String, RecordScope> permissions = new HashMap<>();
		Set<String> codes = new HashSet<>();
		AdminKind kind = null;
		for (Role role : held) {
			codes.add(role.getCode());
			if (role.getAdminKind() != null) {
				kind = role.getAdminKind();
			}
			for (String p : role.getPermissions()) {
				permissions.merge(p, role.getScope(), RecordScope::broadest);
			}
		}
		Set<Long> groupIds = Set.copyOf(this.groups.findGroupIdsOfUser(userId));
		return Optional
			.of(new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getDepartmentId(),
					groupIds, Map.copyOf(permissions), Set.copyOf(codes), kind, user.getLocale(), user.getTimeZone()));
	}

}
