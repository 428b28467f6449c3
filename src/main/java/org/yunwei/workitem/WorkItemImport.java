package org.yunwei.workitem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.TableFiles;

/**
 * Imports work items from CSV or Excel, the export's format included: a row with a number
 * of an existing record changes it, a row without one creates a record. Columns are found
 * by their header in Chinese or English (or the field name); columns that cannot be set
 * (state, priority, times) are ignored; the exported "updated" time, when present, must
 * still be the record's, so a record changed since the export is refused, not
 * overwritten. A preview shows what each row will do and every problem with its row and
 * column; the import itself is all or nothing.
 */
@Service
public class WorkItemImport {

	/** The column key of a custom field: {@code cf:<code>}. */
	private static final String CUSTOM = "cf:";

	private static final String[] FIELDS = { "number", "title", "description", "impact", "urgency", "assignee", "group",
			"dueAt", "tags" };

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final WorkItems items;

	private final Directory directory;

	private final MessageSource messages;

	private final org.yunwei.platform.web.Formats formats;

	WorkItemImport(WorkItems items, Directory directory, MessageSource messages,
			org.yunwei.platform.web.Formats formats) {
		this.items = items;
		this.directory = directory;
		this.messages = messages;
		this.formats = formats;
	}

	/** What one row will do, or why it cannot. */
	public record Row(int line, String number, String title, boolean update, List<Violation> errors) {

		public boolean ok() {
			return this.errors.isEmpty();
		}

	}

	/** The preview of a file: each row, and how many have problems. */
	public record Preview(List<Row> rows, long errors) {
	}

	/** The outcome of an import. */
	public record Result(int created, int updated) {
	}

	private record Planned(Row row, WorkItemFormData form, Long id) {
	}

	@Transactional(readOnly = true)
	public Preview preview(String type, String fileName, byte[] bytes) {
		List<Planned> plan = plan(type, fileName, bytes);
		List<Row> rows = plan.stream().map(Planned::row).toList();
		return new Preview(rows, rows.stream().filter((r) -> !r.ok()).count());
	}

	/** Imports every row or none; a refusal lists each problem as "row N: column". */
	@Transactional
	public Result importAll(String type, String fileName, byte[] bytes) {
		List<Planned> plan = plan(type, fileName, bytes);
		List<Violation> problems = new ArrayList<>();
		plan.forEach((p) -> problems.addAll(p.row().errors()));
		if (!problems.isEmpty()) {
			throw new ValidationFailed(problems);
		}
		int created = 0;
		int updated = 0;
		for (Planned p : plan) {
			try {
				if (p.id() != null) {
					this.items.update(p.id(), p.form());
					updated++;
				}
				else {
					this.items.create(type, p.form());
					created++;
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
		return new Result(created, updated);
	}

	private List<Planned> plan(String type, String fileName, byte[] bytes) {
		List<TableFiles.Line> lines = TableFiles.read(fileName, bytes);
		Map<String, Integer> columns = columns(lines.get(0), this.items.customFields(type));
		if (!columns.containsKey("title")) {
			throw new ValidationFailed("file", "import.error.noTitle", label("title"));
		}
		List<Planned> plan = new ArrayList<>();
		for (TableFiles.Line line : lines.subList(1, lines.size())) {
			plan.add(plan(type, line, columns));
		}
		return plan;
	}

	private Planned plan(String type, TableFiles.Line line, Map<String, Integer> columns) {
		List<Violation> errors = new ArrayList<>();
		int n = line.number();
		String number = value(line, columns, "number");
		WorkItemFormData form = new WorkItemFormData();
		Long id = null;
		if (!number.isEmpty()) {
			try {
				WorkItemView existing = this.items.get(number);
				if (!existing.type().equals(type) || !this.items.canWork(existing.id())) {
					errors.add(new Violation(where(n, label("number")), "import.error.notYours", List.of(number)));
				}
				else if (columns.containsKey("updatedAt") && !value(line, columns, "updatedAt").isEmpty()
						&& !value(line, columns, "updatedAt").equals(this.formats.dateTime(existing.updatedAt()))) {
					// the exported row is older than the record: refuse it rather than
					// overwrite
					errors.add(new Violation(where(n, label("number")), "import.error.changedSince",
							List.of(number, this.formats.dateTime(existing.updatedAt()))));
				}
				else {
					form = WorkItemFormData.of(existing, this.items.zone());
					id = existing.id();
				}
			}
			catch (DomainException ex) {
				errors.add(new Violation(where(n, label("number")), "import.error.unknownNumber", List.of(number)));
			}
		}
		String title = text(value(line, columns, "title"));
		if (title.isEmpty()) {
			errors.add(new Violation(where(n, label("title")), "import.error.required", List.of()));
		}
		else if (title.length() > 200) {
			errors.add(new Violation(where(n, label("title")), "import.error.tooLong", List.of(200)));
		}
		form.setTitle(title);
		if (columns.containsKey("description")) {
			form.setDescription(text(value(line, columns, "description")));
		}
		for (String level : List.of("impact", "urgency")) {
			if (columns.containsKey(level) && !value(line, columns, level).isEmpty()) {
				Integer parsed = level(value(line, columns, level));
				if (parsed == null) {
					errors.add(new Violation(where(n, label(level)), "import.error.level",
							List.of(value(line, columns, level))));
				}
				else if ("impact".equals(level)) {
					form.setImpact(parsed);
				}
				else {
					form.setUrgency(parsed);
				}
			}
		}
		if (columns.containsKey("assignee")) {
			String who = value(line, columns, "assignee");
			if (who.isEmpty() || "—".equals(who)) {
				form.setAssigneeId(null);
			}
			else {
				Long user = this.directory.findUser(who).orElse(null);
				if (user == null) {
					errors.add(new Violation(where(n, label("assignee")), "import.error.user", List.of(who)));
				}
				form.setAssigneeId(user);
			}
		}
		if (columns.containsKey("group")) {
			String group = value(line, columns, "group");
			if (group.isEmpty() || "—".equals(group)) {
				form.setGroupId(null);
			}
			else {
				Long g = this.directory.findGroup(group).orElse(null);
				if (g == null) {
					errors.add(new Violation(where(n, label("group")), "import.error.group", List.of(group)));
				}
				form.setGroupId(g);
			}
		}
		if (columns.containsKey("dueAt")) {
			String due = value(line, columns, "dueAt");
			if (due.isEmpty()) {
				form.setDueAt(null);
			}
			else {
				try {
					form.setDueAt(due.length() <= 10 ? LocalDate.parse(due).atTime(18, 0)
							: LocalDateTime.parse(due, MINUTES));
				}
				catch (DateTimeParseException ex) {
					errors.add(new Violation(where(n, label("dueAt")), "import.error.date", List.of(due)));
				}
			}
		}
		if (columns.containsKey("tags")) {
			List<String> tags = new ArrayList<>();
			for (String t : value(line, columns, "tags").split("[,，]")) {
				if (!t.isBlank()) {
					tags.add(t.strip());
				}
			}
			form.setTags(tags);
		}
		Map<String, Object> custom = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, Integer> c : columns.entrySet()) {
			if (c.getKey().startsWith(CUSTOM)) {
				custom.put(c.getKey().substring(CUSTOM.length()), value(line, columns, c.getKey()));
			}
		}
		if (!custom.isEmpty() || id == null) {
			for (Violation v : this.items.checkCustomFields(type, id, custom)) {
				errors.add(new Violation(where(n, v.field().replace("customFields.", "")), v.messageKey(), v.args()));
			}
		}
		form.getCustomFields().putAll(custom);
		return new Planned(new Row(n, number.isEmpty() ? null : number, title, id != null, errors), form, id);
	}

	/**
	 * Which column holds which field: headers in Chinese, English, or the field names.
	 */
	private Map<String, Integer> columns(TableFiles.Line header, List<org.yunwei.fields.FieldDefinition> customFields) {
		Map<String, String> names = new HashMap<>();
		for (org.yunwei.fields.FieldDefinition f : customFields) {
			for (String name : List.of(f.code(), f.labelZh(), f.labelEn())) {
				names.putIfAbsent(name.toLowerCase(Locale.ROOT), CUSTOM + f.code());
			}
		}
		for (String field : FIELDS) {
			names.put(field.toLowerCase(Locale.ROOT), field);
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				names.put(this.messages.getMessage("workitem.field." + field, null, field, locale)
					.toLowerCase(Locale.ROOT), field);
			}
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String field = names.get(header.cell(i).toLowerCase(Locale.ROOT));
			if (field != null) {
				columns.putIfAbsent(field, i);
			}
		}
		return columns;
	}

	private static String value(TableFiles.Line line, Map<String, Integer> columns, String field) {
		Integer index = columns.get(field);
		return (index == null) ? "" : line.cell(index);
	}

	/** Undoes the export's protection of cells that would start a formula. */
	private static String text(String cell) {
		if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0) {
			return cell.substring(1);
		}
		return cell;
	}

	private Integer level(String text) {
		for (int l = 1; l <= 3; l++) {
			if (text.equals(String.valueOf(l))) {
				return l;
			}
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				if (text.equalsIgnoreCase(this.messages.getMessage("workitem.level." + l, null, "", locale))) {
					return l;
				}
			}
		}
		return null;
	}

	private String label(String field) {
		return this.messages.getMessage("workitem.field." + field, null, field, LocaleContextHolder.getLocale());
	}

	private String where(int line, String column) {
		return TableFiles.where(this.messages, line, column);
	}

}
