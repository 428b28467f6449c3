package org.yunwei.platform.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.platform.ReadCache;

/**
 * Who is who, for modules that show or pick people and groups on their records: names by
 * id (one query per page, never one per row), departments of users, and the active users
 * and groups a picker offers. Reading it needs only a signed-in user.
 */
@Component
@Transactional(readOnly = true)
public class Directory {

	private final NamedParameterJdbcTemplate jdbc;

	/**
	 * People's and groups' names by id, read by every list, record and notification: kept
	 * until a {@link NameChanged} says one changed.
	 */
	private final ReadCache<Long, String> userNames = new ReadCache<>();

	private final ReadCache<Long, String> groupNames = new ReadCache<>();

	/**
	 * Groups found by code or name, and the groups known to be active (the service desk
	 * routes every ticket to its group by code): kept until a group is created or
	 * changed.
	 */
	private final ReadCache<String, Long> groupsFound = new ReadCache<>();

	private final ReadCache<Long, Boolean> activeGroups = new ReadCache<>();

	Directory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry of a picker. */
	public record Entry(long id, String name, String detail) {
	}

	public Map<Long, String> userNames(Collection<Long> ids) {
		return this.userNames.getAll(ids,
				(missing) -> names("select id, display_name from pf_user where id in (:ids)", missing));
	}

	public Map<Long, String> groupNames(Collection<Long> ids) {
		return this.groupNames.getAll(ids,
				(missing) -> names("select id, name from pf_group where id in (:ids)", missing));
	}

	/**
	 * A person or a group was renamed (published in the renaming transaction): the names
	 * kept are read again.
	 */
	@EventListener
	void renamed(NameChanged e) {
		if (e.kind().equals("group")) {
			groupsChanged();
		}
		else {
			this.userNames.forget();
		}
	}

	/** A group was created or changed: what is kept about groups is read again. */
	void groupsChanged() {
		this.groupNames.forget();
		this.groupsFound.forget();
		this.activeGroups.forget();
	}

	/** The department of each user that has one. */
	public Map<Long, Long> departments(Collection<Long> userIds) {
		Map<Long, Long> result = new HashMap<>();
		if (!userIds.isEmpty()) {
			this.jdbc.query("select id, department_id from pf_user where id in (:ids) and department_id is not null",
					new MapSqlParameterSource("ids", userIds), (rs) -> {
						result.put(rs.getLong(1), rs.getLong(2));
					});
		}
		return result;
	}

	/** The id of an active user by username. */
	public java.util.Optional<Long> userId(String username) {
		List<Long> ids = this.jdbc.queryForList(
				"select id from pf_user where lower(username) = lower(:u) and active = true",
				new MapSqlParameterSource("u", username), Long.class);
		return ids.stream().findFirst();
	}

	/**
	 * An active user by username, or by display name when exactly one active user has it
	 * (as spreadsheets show people).
	 */
	public java.util.Optional<Long> findUser(String usernameOrName) {
		java.util.Optional<Long> byUsername = userId(usernameOrName);
		if (byUsername.isPresent()) {
			return byUsername;
		}
		List<Long> ids = this.jdbc.queryForList("select id from pf_user where display_name = :n and active = true",
				new MapSqlParameterSource("n", usernameOrName), Long.class);
		return (ids.size() == 1) ? java.util.Optional.of(ids.get(0)) : java.util.Optional.empty();
	}

	/** An active group by code or, when unique, by name. */
	public java.util.Optional<Long> findGroup(String codeOrName) {
		return java.util.Optional.ofNullable(this.groupsFound.get(codeOrName, (v) -> {
			List<Long> ids = this.jdbc.queryForList(
					"select id from pf_group where active = true and (upper(code) = upper(:v) or name = :v)",
					new MapSqlParameterSource("v", v), Long.class);
			return (ids.size() == 1) ? ids.get(0) : null;
		}));
	}

	/**
	 * Active people whose roles grant a permission, by name: who may be picked to work on
	 * records (not every requester of the organisation).
	 */
	public List<Entry> activeUsersWithPermission(String permission) {
		return this.jdbc.query(
				"select u.id, u.display_name, u.username from pf_user u where u.active = true and"
						+ " exists (select 1 from pf_user_role ur join pf_role_permission rp on rp.role_id = ur.role_id"
						+ " where ur.user_id = u.id and rp.permission = :p) order by u.display_name",
				new MapSqlParameterSource("p", permission),
				(rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	/** Active holders of a role, by its code. */
	public List<Long> usersWithRole(String roleCode) {
		return this.jdbc.queryForList(
				"select u.id from pf_user u join pf_user_role ur on ur.user_id = u.id"
						+ " join pf_role r on r.id = ur.role_id where r.code = :code and u.active = true order by u.id",
				new MapSqlParameterSource("code", roleCode), Long.class);
	}

	/** Active members of an active group, by its code. */
	public List<Long> groupMembers(String groupCode) {
		return this.jdbc.queryForList(
				"select u.id from pf_user u join pf_group_member m on m.user_id = u.id"
						+ " join pf_group g on g.id = m.group_id where upper(g.code) = upper(:code) and g.active = true"
						+ " and u.active = true order by u.id",
				new MapSqlParameterSource("code", groupCode), Long.class);
	}

	public boolean isActiveUser(long id) {
		Integer n = this.jdbc.queryForObject("select count(*) from pf_user where id = :id and active = true",
				new MapSqlParameterSource("id", id), Integer.class);
		return n != null && n > 0;
	}

	public boolean isActiveGroup(long id) {
		return this.activeGroups.get(id, (key) -> {
			Integer n = this.jdbc.queryForObject("select count(*) from pf_group where id = :id and active = true",
					new MapSqlParameterSource("id", key), Integer.class);
			// only an active group is kept: one created later is found when asked again
			return (n != null && n > 0) ? Boolean.TRUE : null;
		}) != null;
	}

	/** Whether the user is a member of the group. */
	public boolean isMember(long userId, long groupId) {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from pf_group_member where user_id = :u and group_id = :g",
				new MapSqlParameterSource("u", userId).addValue("g", groupId), Integer.class);
		return n != null && n > 0;
	}

	/** Active users for a picker, by name. */
	public List<Entry> activeUsers() {
		return this.jdbc.query(
				"select u.id, u.display_name, u.username from pf_user u where u.active = true order by u.display_name",
				new MapSqlParameterSource(), (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	/** Active assignment groups for a picker, by name. */
	public List<Entry> activeGroups() {
		return this.jdbc.query("select id, name, code from pf_group where active = true order by name",
				new MapSqlParameterSource(), (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	/**
	 * How to reach a person: name, e-mail address and language (zh-CN when not chosen).
	 */
	public record Contact(long id, String name, String email, String language) {
	}

	/** The contacts of active users. */
	public Map<Long, Contact> contacts(Collection<Long> userIds) {
		Map<Long, Contact> result = new HashMap<>();
		if (!userIds.isEmpty()) {
			this.jdbc.query("select id, display_name, email, locale from pf_user where id in (:ids) and active = true",
					new MapSqlParameterSource("ids", userIds), (rs) -> {
						String locale = rs.getString(4);
						result.put(rs.getLong(1), new Contact(rs.getLong(1), rs.getString(2), rs.getString(3),
								(locale != null && locale.startsWith("en")) ? "en" : "zh"));
					});
		}
		return result;
	}

	/** The ids of the active members of a group. */
	public List<Long> members(long groupId) {
		return this.jdbc.queryForList(
				"select m.user_id from pf_group_member m join pf_user u on u.id = m.user_id"
						+ " where m.group_id = :g and u.active = true order by m.user_id",
				new MapSqlParameterSource("g", groupId), Long.class);
	}

	/** Active departments for a picker, by code. */
	public List<Entry> activeDepartments() {
		return this.jdbc.query("select id, name, code from pf_department where active = true order by code",
				new MapSqlParameterSource(), (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	public Map<Long, String> departmentNames(Collection<Long> ids) {
		return names("select id, name from pf_department where id in (:ids)", ids);
	}

	/** Someone who may call the service desk, with how to reach them. */
	public record Person(long id, String username, String name, String department, String email, String mobile) {
	}

	/**
	 * Active people whose name, username, e-mail or mobile contains the text (the service
	 * desk looking up a caller), by name; at most {@code limit}.
	 */
	public List<Person> people(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String q = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
		return this.jdbc.query(
				"select u.id, u.username, u.display_name, d.name, u.email, u.mobile from pf_user u"
						+ " left join pf_department d on d.id = u.department_id where u.active = true"
						+ " and (lower(u.display_name) like :q or lower(u.username) like :q or lower(u.email) like :q"
						+ " or u.mobile like :q) order by u.display_name, u.id fetch first "
						+ Math.max(1, Math.min(limit, 50)) + " rows only",
				new MapSqlParameterSource("q", q), Directory::person);
	}

	/** People by id, active or not, in one query (unknown ids left out). */
	public Map<Long, Person> people(Collection<Long> ids) {
		Map<Long, Person> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.query("select u.id, u.username, u.display_name, d.name, u.email, u.mobile from pf_user u"
						+ " left join pf_department d on d.id = u.department_id where u.id in (:ids)",
						new MapSqlParameterSource("ids", ids), Directory::person)
				.forEach((p) -> result.put(p.id(), p));
		}
		return result;
	}

	/** A person by id, active or not. */
	public java.util.Optional<Person> person(long id) {
		return this.jdbc
			.query("select u.id, u.username, u.display_name, d.name, u.email, u.mobile from pf_user u"
					+ " left join pf_department d on d.id = u.department_id where u.id = :id",
					new MapSqlParameterSource("id", id), Directory::person)
			.stream()
			.findFirst();
	}

	/** An active person by e-mail address (case-insensitive), when exactly one has it. */
	public java.util.Optional<Long> userByEmail(String email) {
		List<Long> ids = this.jdbc.queryForList(
				"select id from pf_user where lower(email) = lower(:e) and active = true",
				new MapSqlParameterSource("e", email.strip()), Long.class);
		return (ids.size() == 1) ? java.util.Optional.of(ids.get(0)) : java.util.Optional.empty();
	}

	private static Person person(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6));
	}

	private Map<Long, String> names(String sql, Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(sql, new MapSqlParameterSource("ids", ids), (rs) -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		}
		return names;
	}

}
