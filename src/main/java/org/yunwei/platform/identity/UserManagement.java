package org.yunwei.platform.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.audit.DataAccessLog;
import org.yunwei.platform.identity.internal.DepartmentRepository;
import org.yunwei.platform.identity.internal.PasswordHistory;
import org.yunwei.platform.identity.internal.PasswordHistoryRepository;
import org.yunwei.platform.identity.internal.UserAccount;
import org.yunwei.platform.identity.internal.UserRepository;

/**
 * Users: the system administrator creates and maintains accounts; the security
 * administrator unlocks them and resets passwords; every user changes their own password
 * and preferences.
 */
@Service
@Transactional
public class UserManagement {

	private static final String TYPE = "user";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final DepartmentRepository departments;

	private final PasswordHistoryRepository history;

	private final NamedParameterJdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	private final SecurityPolicyManagement policies;

	private final AccessControl access;

	private final AuditTrail audit;

	private final DataAccessLog accessLog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	UserManagement(UserRepository users, DepartmentRepository departments, PasswordHistoryRepository history,
			NamedParameterJdbcTemplate jdbc, PasswordEncoder encoder, SecurityPolicyManagement policies,
			AccessControl access, AuditTrail audit, DataAccessLog accessLog, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.departments = departments;
		this.history = history;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.policies = policies;
		this.access = access;
		this.audit = audit;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** A user just created, with the initial password to hand over (shown once). */
	public record CreatedUser(UserView user, String initialPassword) {
	}

	@Transactional(readOnly = true)
	public KeysetPage<UserView> list(UserFilter filter, String after, Integer size) {
		CurrentUser me = this.access.require("user:read");
		int pageSize = KeysetPage.size(size);
		StringBuilder sql = new StringBuilder("select u.id from pf_user u where 1 = 1");
		MapSqlParameterSource params = new MapSqlParameterSource();
		switch (me.scope("user:read")) {
			case OWN -> sql.append(" and u.id = :me");
			case GROUP -> sql.append(" and (u.id = :me or u.id in (select m.user_id from pf_group_member m"
					+ " where m.group_id in (select g.group_id from pf_group_member g where g.user_id = :me)))");
			case DEPARTMENT -> sql.append(" and (u.id = :me or u.department_id = :myDepartment)");
			case ALL -> {
			}
		}
		params.addValue("me", me.id()).addValue("myDepartment", me.departmentId());
		if (filter.q() != null && !filter.q().isBlank()) {
			sql.append(" and (lower(u.username) like :q or lower(u.display_name) like :q or lower(u.email) like :q"
					+ " or u.mobile like :q)");
			params.addValue("q", "%" + filter.q().trim().toLowerCase() + "%");
		}
		if (filter.departmentId() != null) {
			sql.append(" and u.department_id = :department");
			params.addValue("department", filter.departmentId());
		}
		if (filter.active() != null) {
			sql.append(" and u.active = :active");
			params.addValue("active", filter.active());
		}
		if (filter.role() != null && !filter.role().isBlank()) {
			sql.append(" and u.id in (select ur.user_id from pf_user_role ur join pf_role r on r.id = ur.role_id"
					+ " where r.code = :role)");
			params.addValue("role", filter.role());
		}
		if (filter.groupId() != null) {
			sql.append(" and u.id in (select gm.user_id from pf_group_member gm where gm.group_id = :groupId)");
			params.addValue("groupId", filter.groupId());
		}
		Long afterId = KeysetPage.decodeId(after);
		if (afterId != null) {
			sql.append(" and u.id > :after");
			params.addValue("after", afterId);
		}
		sql.append(" order by u.id fetch first ").append(pageSize + 1).append(" rows only");
		List<Long> ids = this.jdbc.queryForList(sql.toString(), params, Long.class);
		return KeysetPage.of(views(ids), pageSize, (u) -> String.valueOf(u.id()));
	}

	@Transactional(readOnly = true)
	public UserView get(String idOrUsername) {
		CurrentUser me = this.access.require("user:read");
		UserAccount user = find(idOrUsername);
		if (!visible(me, user)) {
			throw NotFound.of(TYPE, idOrUsername);
		}
		this.accessLog.read(TYPE, user.getId(), user.auditSummary());
		return views(List.of(user.getId())).get(0);
	}

	@Transactional(readOnly = true)
	public UserView me() {
		CurrentUser me = this.access.user();
		return views(List.of(me.id())).get(0);
	}

	public CreatedUser create(UserFormData form) {
		this.access.require("user:write");
		String username = form.getUsername().trim().toLowerCase();
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw new ValidationFailed("username", "error.user.usernameTaken", username);
		}
		Instant now = this.clock.instant();
		UserAccount user = new UserAccount(username, form.getDisplayName().trim(), now);
		apply(user, form);
		String initial = generatePassword(this.policies.policy());
		setPassword(user, initial, now);
		user.setMustChangePassword(true);
		this.users.saveAndFlush(user);
		this.history.save(new PasswordHistory(user.getId(), user.getPasswordHash(), now));
		return new CreatedUser(views(List.of(user.getId())).get(0), initial);
	}

	public UserView update(long id, UserFormData form) {
		this.access.require("user:write");
		UserAccount user = this.users.findById(id).orElseThrow(() -> NotFound.of(TYPE, id));
		checkVersion(user, form.getVersion());
		if (form.getUsername() != null && !form.getUsername().equalsIgnoreCase(user.getUsername())) {
			throw new ValidationFailed("username", "error.user.usernameImmutable");
		}
		String before = user.getDisplayName();
		apply(user, form);
		user.touch(this.clock.instant());
		this.users.flush();
		if (!user.getDisplayName().equals(before)) {
			this.events.publishEvent(new NameChanged("user", id));
		}
		return views(List.of(id)).get(0);
	}

	/** The user's own language and time zone. */
	public UserView updatePreferences(String locale, String timeZone) {
		CurrentUser me = this.access.user();
		UserAccount user = this.users.findById(me.id()).orElseThrow();
		if (locale != null) {
			user.setLocale(checkLocale(locale));
		}
		if (timeZone != null) {
			user.setTimeZone(checkZone(timeZone));
		}
		user.touch(this.clock.instant());
		this.users.flush();
		this.access.refresh();
		return views(List.of(me.id())).get(0);
	}

	public void changeOwnPassword(String currentPassword, String newPassword) {
		CurrentUser me = this.access.user();
		UserAccount user = this.users.findById(me.id()).orElseThrow();
		if (!"LOCAL".equals(user.getAuthSource())) {
			throw new ValidationFailed(null, "error.password.directory");
		}
		if (currentPassword == null || user.getPasswordHash() == null
				|| !this.encoder.matches(currentPassword, user.getPasswordHash())) {
			throw new ValidationFailed("currentPassword", "error.password.current");
		}
		SecurityPolicy policy = this.policies.policy();
		List<ValidationFailed.Violation> broken = new ArrayList<>(
				PasswordRules.check(newPassword, user.getUsername(), policy));
		if (broken.isEmpty() && reused(user, newPassword, policy)) {
			broken.add(PasswordRules.violation("password.rule.history", policy.passwordHistory()));
		}
		if (!broken.isEmpty()) {
			throw new ValidationFailed(broken);
		}
		Instant now = this.clock.instant();
		setPassword(user, newPassword, now);
		user.setMustChangePassword(false);
		this.history.save(new PasswordHistory(user.getId(), user.getPasswordHash(), now));
		this.audit.record(AuditEvent.of(AuditAction.PASSWORD_CHANGED, TYPE, user.getId(), user.auditSummary()));
	}

	/**
	 * A new temporary password for a user who forgot theirs; they must change it at next
	 * login.
	 */
	public String resetPassword(long id) {
		CurrentUser me = this.access.require("user:password-reset");
		UserAccount user = this.users.findById(id).orElseThrow(() -> NotFound.of(TYPE, id));
		if (user.getId() == me.id()) {
			throw new Forbidden("error.password.resetSelf");
		}
		Instant now = this.clock.instant();
		String temporary = generatePassword(this.policies.policy());
		setPassword(user, temporary, now);
		user.setMustChangePassword(true);
		this.history.save(new PasswordHistory(user.getId(), user.getPasswordHash(), now));
		this.audit.record(AuditEvent.of(AuditAction.PASSWORD_RESET, TYPE, user.getId(), user.auditSummary()));
		return temporary;
	}

	public UserView unlock(long id) {
		this.access.require("user:unlock");
		UserAccount user = this.users.findById(id).orElseThrow(() -> NotFound.of(TYPE, id));
		Instant before = user.getLockedUntil();
		user.setLockedUntil(null);
		user.setFailedAttempts(0);
		this.users.flush();
		this.audit.record(AuditEvent.of(AuditAction.UNLOCKED, TYPE, user.getId(), user.auditSummary())
			.withChange("lockedUntil", before, null));
		return views(List.of(id)).get(0);
	}

	/** Names of users by id, for pages that show people (one query, no N+1). */
	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.users.findByIdIn(ids).forEach((u) -> names.put(u.getId(), u.getDisplayName()));
		}
		return names;
	}

	List<UserView> views(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("ids", ids);
		Map<Long, List<String>> roles = new HashMap<>();
		this.jdbc.query("select ur.user_id, r.code from pf_user_role ur join pf_role r on r.id = ur.role_id"
				+ " where ur.user_id in (:ids) order by r.id", p, (rs) -> {
					roles.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				});
		Map<Long, List<String>> groups = new HashMap<>();
		this.jdbc.query("select gm.user_id, g.name from pf_group_member gm join pf_group g on g.id = gm.group_id"
				+ " where gm.user_id in (:ids) order by g.name", p, (rs) -> {
					groups.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				});
		Map<Long, UserView> byId = new HashMap<>();
		this.jdbc.query("select u.*, d.name as department_name from pf_user u"
				+ " left join pf_department d on d.id = u.department_id where u.id in (:ids)", p, (rs) -> {
					long id = rs.getLong("id");
					byId.put(id,
							new UserView(id, rs.getString("username"), rs.getString("display_name"),
									rs.getString("email"), rs.getString("mobile"),
									(Long) rs.getObject("department_id", Long.class), rs.getString("department_name"),
									rs.getBoolean("active"), rs.getString("locale"), rs.getString("time_zone"),
									rs.getString("auth_source"), rs.getBoolean("must_change_password"),
									instant(rs.getObject("locked_until", java.time.OffsetDateTime.class)),
									instant(rs.getObject("last_login_at", java.time.OffsetDateTime.class)),
									instant(rs.getObject("created_at", java.time.OffsetDateTime.class)),
									List.copyOf(roles.getOrDefault(id, List.of())),
									List.copyOf(groups.getOrDefault(id, List.of())), rs.getInt("version")));
				});
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static Instant instant(java.time.OffsetDateTime t) {
		return (t == null) ? null : t.toInstant();
	}

	private UserAccount find(String idOrUsername) {
		if (idOrUsername.chars().allMatch(Character::isDigit)) {
			return this.users.findById(Long.valueOf(idOrUsername)).orElseThrow(() -> NotFound.of(TYPE, idOrUsername));
		}
		return this.users.findByUsernameIgnoreCase(idOrUsername).orElseThrow(() -> NotFound.of(TYPE, idOrUsername));
	}

	private boolean visible(CurrentUser me, UserAccount user) {
		return switch (me.scope("user:read")) {
			case ALL -> true;
			case DEPARTMENT -> user.getId() == me.id() || Objects.equals(user.getDepartmentId(), me.departmentId());
			case GROUP, OWN -> user.getId() == me.id();
		};
	}

	private void apply(UserAccount user, UserFormData form) {
		if (form.getDepartmentId() != null && !this.departments.existsById(form.getDepartmentId())) {
			throw new ValidationFailed("departmentId", "error.department.unknown", form.getDepartmentId());
		}
		user.setDisplayName(form.getDisplayName().trim());
		user.setEmail(blankToNull(form.getEmail()));
		user.setMobile(blankToNull(form.getMobile()));
		user.setDepartmentId(form.getDepartmentId());
		user.setActive(form.isActive());
		user.setLocale(blankToNull(form.getLocale()) == null ? null : checkLocale(form.getLocale()));
		user.setTimeZone(blankToNull(form.getTimeZone()) == null ? null : checkZone(form.getTimeZone()));
	}

	private void checkVersion(UserAccount user, Integer version) {
		if (version == null) {
			throw new ValidationFailed("version", "error.versionRequired");
		}
		if (version != user.getVersion()) {
			throw Conflict.staleVersion(TYPE, user.getId());
		}
	}

	private boolean reused(UserAccount user, String newPassword, SecurityPolicy policy) {
		if (policy.passwordHistory() == 0) {
			return false;
		}
		return this.history.findByUserIdOrderByCreatedAtDescIdDesc(user.getId(), Limit.of(policy.passwordHistory()))
			.stream()
			.anyMatch((h) -> this.encoder.matches(newPassword, h.getPasswordHash()));
	}

	private void setPassword(UserAccount user, String raw, Instant now) {
		user.setPasswordHash(this.encoder.encode(raw), now);
	}

	static String checkLocale(String locale) {
		if (!"zh-CN".equals(locale) && !"en".equals(locale)) {
			throw new ValidationFailed("locale", "validation.locale");
		}
		return locale;
	}

	static String checkZone(String zone) {
		try {
			return ZoneId.of(zone.trim()).getId();
		}
		catch (RuntimeException ex) {
			throw new ValidationFailed("timeZone", "error.timeZone", zone);
		}
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

	/**
	 * A random password that satisfies the policy: letters of both cases, digits and a
	 * symbol.
	 */
	public static String generatePassword(SecurityPolicy policy) {
		String lower = "abcdefghijkmnpqrstuvwxyz";
		String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
		String digits = "23456789";
		String symbols = "!@#%+=?";
		String all = lower + upper + digits + symbols;
		int length = Math.max(16, policy.passwordMinLength());
		StringBuilder sb = new StringBuilder();
		sb.append(lower.charAt(RANDOM.nextInt(lower.length())));
		sb.append(upper.charAt(RANDOM.nextInt(upper.length())));
		sb.append(digits.charAt(RANDOM.nextInt(digits.length())));
		sb.append(symbols.charAt(RANDOM.nextInt(symbols.length())));
		while (sb.length() < length) {
			sb.append(all.charAt(RANDOM.nextInt(all.length())));
		}
		for (int i = sb.length() - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char c = sb.charAt(i);
			sb.setCharAt(i, sb.charAt(j));
			sb.setCharAt(j, c);
		}
		return sb.toString();
	}

}
