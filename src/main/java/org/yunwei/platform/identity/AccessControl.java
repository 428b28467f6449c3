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

	private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;

	AccessControl(UserRepository users, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.users = users;
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
					List.of()));
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

	/**
	 * The user with their roles, permissions (the broadest scope of any role granting
	 * each) and groups, in one statement — this runs once on every request. Each row is
	 * the user ({@code u}), one role with one of its permissions ({@code r}), or one
	 * group ({@code g}); an inactive or unknown user has no {@code u} row.
	 */
	private Optional<CurrentUser> load(long userId) {
		// username, display name, locale, time zone; no username: no active user
		String[] user = new String[4];
		Long[] department = { null };
		Map<String, RecordScope> permissions = new HashMap<>();
		Set<String> codes = new HashSet<>();
		Set<Long> groupIds = new HashSet<>();
		AdminKind[] kind = { null };
		this.jdbc.query("select 'u', username, display_name, department_id, locale, time_zone from pf_user"
				+ " where id = :id and active = true"
				+ " union all select 'r', r.code, r.scope, null, r.admin_kind, rp.permission from pf_user_role ur"
				+ " join pf_role r on r.id = ur.role_id left join pf_role_permission rp on rp.role_id = r.id"
				+ " where ur.user_id = :id"
				+ " union all select 'g', null, null, group_id, null, null from pf_group_member where user_id = :id",
				new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("id", userId), (rs) -> {
					switch (rs.getString(1)) {
						case "u" -> {
							user[0] = rs.getString(2);
							user[1] = rs.getString(3);
							user[2] = rs.getString(5);
							user[3] = rs.getString(6);
							department[0] = rs.getObject(4, Long.class);
						}
						case "r" -> {
							codes.add(rs.getString(2));
							if (rs.getString(5) != null) {
								kind[0] = AdminKind.valueOf(rs.getString(5));
							}
							if (rs.getString(6) != null) {
								permissions.merge(rs.getString(6), RecordScope.valueOf(rs.getString(3)),
										RecordScope::broadest);
							}
						}
						default -> groupIds.add(rs.getLong(4));
					}
				});
		if (user[0] == null) {
			return Optional.empty();
		}
		return Optional.of(new CurrentUser(userId, user[0], user[1], department[0], Set.copyOf(groupIds),
				Map.copyOf(permissions), Set.copyOf(codes), kind[0], user[2], user[3]));
	}

}
