package org.yunwei.platform.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.web.TableFiles;

/**
 * Importing people from CSV or Excel (the system administrator's {@code user:write}): a
 * row whose username exists changes that person (name, e-mail, mobile, department), any
 * other row creates one with a one-time initial password to change at first sign-in.
 * Columns are found by header in Chinese or English ({@code 用户名 / Username} …). A preview
 * shows each row's problems in the reader's language; the import itself is all or
 * nothing. Roles are not imported: granting them stays the security administrator's
 * (三员分立).
 */
@Service
public class UserImport {

	private static final String[] FIELDS = { "username", "displayName", "email", "mobile", "department" };

	private final UserManagement users;

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final MessageSource messages;

	UserImport(UserManagement users, NamedParameterJdbcTemplate jdbc, AccessControl access, MessageSource messages) {
		this.users = users;
		this.jdbc = jdbc;
		this.access = access;
		this.messages = messages;
	}

	/** What one row will do, or why it cannot. */
	public record Row(int line, String username, String displayName, boolean update, List<Violation> errors) {

		public boolean ok() {
			return this.errors.isEmpty();
		}

	}

	/** The preview of a file. */
	public record Preview(List<Row> rows, long errors) {
	}

	/** A created account and its one-time initial password (shown once). */
	public record Issued(String username, String displayName, String initialPassword) {
	}

	/** The outcome of an import. */
	public record Result(int created, int updated, List<Issued> issued) {
	}

	private record Planned(Row row, UserFormData form, Long id) {
	}

	@Transactional(readOnly = true)
	public Preview preview(String fileName, byte[] bytes) {
		this.access.require("user:write");
		List<Row> rows = plan(fileName, bytes).stream().map(Planned::row).toList();
		return new Preview(rows, rows.stream().filter((r) -> !r.ok()).count());
	}

	/** Imports every row or none; a refusal lists each problem as "row N: column". */
	@Transactional
	public Result importAll(String fileName, byte[] bytes) {
		this.access.require("user:write");
		List<Planned> plan = plan(fileName, bytes);
		List<Violation> problems = new ArrayList<>();
		plan.forEach((p) -> problems.addAll(p.row().errors()));
		if (!problems.isEmpty()) {
			throw new ValidationFailed(problems);
		}
		int updated = 0;
		List<Issued> issued = new ArrayList<>();
		for (Planned p : plan) {
			try {
				if (p.id() != null) {
					this.users.update(p.id(), p.form());
					updated++;
				}
				else {
					UserManagement.CreatedUser created = this.users.create(p.form());
					issued.add(new Issued(created.user().username(), created.user().displayName(),
							created.initialPassword()));
				}
			}
			catch (ValidationFailed ex) {
				List<Violation> v = new ArrayList<>();
				ex.violations()
					.forEach((x) -> v.add(new Violation(where(p.row().line(), x.field()), x.messageKey(), x.args())));
				throw new ValidationFailed(v);
			}
			catch (DomainException ex) {
				throw new ValidationFailed(where(p.row().line(), null), ex.messageKey(), ex.args());
			}
		}
		return new Result(issued.size(), updated, issued);
	}

	private List<Planned> plan(String fileName, byte[] bytes) {
		List<TableFiles.Line> lines = TableFiles.read(fileName, bytes);
		Map<String, Integer> columns = columns(lines.get(0));
		for (String required : List.of("username", "displayName")) {
			if (!columns.containsKey(required)) {
				throw new ValidationFailed("file", "import.error.noTitle", label(required));
			}
		}
		Map<String, Long> departments = departments();
		Set<String> seen = new HashSet<>();
		List<Planned> plan = new ArrayList<>();
		for (TableFiles.Line line : lines.subList(1, lines.size())) {
			plan.add(plan(line, columns, departments, seen));
		}
		return plan;
	}

	private Planned plan(TableFiles.Line line, Map<String, Integer> columns, Map<String, Long> departments,
			Set<String> seen) {
		List<Violation> errors = new ArrayList<>();
		int n = line.number();
		String username = value(line, columns, "username").toLowerCase(Locale.ROOT);
		String name = value(line, columns, "displayName");
		UserFormData form = new UserFormData();
		Long id = null;
		if (username.isEmpty()) {
			errors.add(new Violation(where(n, label("username")), "import.error.required", List.of()));
		}
		else if (!username.matches("[a-z0-9._-]{2,64}")) {
			errors.add(new Violation(where(n, label("username")), "validation.username", List.of()));
		}
		else if (!seen.add(username)) {
			errors.add(new Violation(where(n, label("username")), "import.error.duplicateRow", List.of(username)));
		}
		else {
			List<Long> existing = this.jdbc.queryForList("select id from pf_user where lower(username) = :u",
					new MapSqlParameterSource("u", username), Long.class);
			if (!existing.isEmpty()) {
				id = existing.get(0);
				UserView current = this.users.get(String.valueOf(id));
				form = UserFormData.of(current);
			}
		}
		form.setUsername(username);
		if (name.isEmpty()) {
			errors.add(new Violation(where(n, label("displayName")), "import.error.required", List.of()));
		}
		else if (name.length() > 100) {
			errors.add(new Violation(where(n, label("displayName")), "import.error.tooLong", List.of(100)));
		}
		form.setDisplayName(name);
		if (columns.containsKey("email")) {
			String email = value(line, columns, "email");
			if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				errors.add(new Violation(where(n, label("email")), "import.error.email", List.of(email)));
			}
			form.setEmail(email.isEmpty() ? null : email);
		}
		if (columns.containsKey("mobile")) {
			String mobile = value(line, columns, "mobile");
			if (mobile.length() > 30) {
				errors.add(new Violation(where(n, label("mobile")), "import.error.tooLong", List.of(30)));
			}
			form.setMobile(mobile.isEmpty() ? null : mobile);
		}
		if (columns.containsKey("department")) {
			String department = value(line, columns, "department");
			if (department.isEmpty()) {
				form.setDepartmentId(null);
			}
			else if (departments.containsKey(department.toLowerCase(Locale.ROOT))) {
				form.setDepartmentId(departments.get(department.toLowerCase(Locale.ROOT)));
			}
			else {
				errors
					.add(new Violation(where(n, label("department")), "import.error.department", List.of(department)));
			}
		}
		return new Planned(new Row(n, username, name, id != null, errors), form, id);
	}

	/** Active departments by code and by name (lower case). */
	private Map<String, Long> departments() {
		Map<String, Long> byName = new HashMap<>();
		this.jdbc.query("select id, code, name from pf_department where active = true", (rs) -> {
			byName.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(1));
			byName.putIfAbsent(rs.getString(3).toLowerCase(Locale.ROOT), rs.getLong(1));
		});
		return byName;
	}

	private Map<String, Integer> columns(TableFiles.Line header) {
		Map<String, String> names = new HashMap<>();
		for (String field : FIELDS) {
			names.put(field.toLowerCase(Locale.ROOT), field);
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				names.put(this.messages.getMessage("user." + field, null, field, locale).toLowerCase(Locale.ROOT),
						field);
			}
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String field = names.get(header.cell(i).strip().toLowerCase(Locale.ROOT));
			if (field != null) {
				columns.putIfAbsent(field, i);
			}
		}
		return columns;
	}

	private static String value(TableFiles.Line line, Map<String, Integer> columns, String field) {
		Integer index = columns.get(field);
		return (index == null) ? "" : line.cell(index).strip();
	}

	private String label(String field) {
		return this.messages.getMessage("user." + field, null, field, LocaleContextHolder.getLocale());
	}

	private String where(int line, String column) {
		return TableFiles.where(this.messages, line, column);
	}

}
