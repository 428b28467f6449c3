package org.yunwei.cmdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.TableFiles;
import org.yunwei.workitem.ServiceOptions;

/**
 * Importing CIs of one class from CSV or Excel, or from a discovery tool over REST, with
 * reconciliation: a row whose identity (the class's identifying attributes, else the
 * name) is recorded changes that CI, any other creates one. Columns are found by header —
 * name, state, owner, group, location, service, description and each attribute by its
 * code or its Chinese or English name; an empty cell changes nothing. The preview shows
 * for each row what it will create or which fields it will change (before → after) or its
 * problems; the import itself is all or nothing, and every change goes into the CIs'
 * history with the source and reason.
 */
@Service
public class CiImport {

	private static final String[] FIELDS = { "name", "state", "owner", "group", "location", "service", "description" };

	private final ConfigurationItems cis;

	private final CiClasses classes;

	private final Directory directory;

	private final ServiceOptions services;

	private final AccessControl access;

	private final MessageSource messages;

	CiImport(ConfigurationItems cis, CiClasses classes, Directory directory, ServiceOptions services,
			AccessControl access, MessageSource messages) {
		this.cis = cis;
		this.classes = classes;
		this.directory = directory;
		this.services = services;
		this.access = access;
		this.messages = messages;
	}

	/** What a row will do. */
	public enum Action {

		CREATE, UPDATE, UNCHANGED;

		public String messageKey() {
			return "cmdb.import." + name();
		}

	}

	/** One field a row changes on a recorded CI. */
	public record Difference(String field, String before, String after) {
	}

	/** What one row will do, or why it cannot. */
	public record Row(int line, String name, String number, Action action, List<Difference> differences,
			List<Violation> errors) {

		public boolean ok() {
			return this.errors.isEmpty();
		}

	}

	/** The preview (or, after an import, the differences report). */
	public record Preview(String classCode, List<Row> rows, long errors, long creates, long updates, long unchanged) {
	}

	private record Planned(Row row, CiFormData form, CiView existing) {
	}

	@Transactional(readOnly = true)
	public Preview preview(String classCode, String fileName, byte[] bytes) {
		this.access.require(ConfigurationItems.WRITE);
		return preview(classCode, plan(classCode, rows(classCode, fileName, bytes), fileName));
	}

	/**
	 * Imports every row or none; a refusal lists each problem as "row N: column"; the
	 * result is the differences report of what was done.
	 */
	@Transactional
	public Preview importAll(String classCode, String fileName, byte[] bytes) {
		this.access.require(ConfigurationItems.WRITE);
		return apply(classCode, plan(classCode, rows(classCode, fileName, bytes), fileName), ChangeSource.IMPORT);
	}

	/**
	 * Reconciles what a discovery tool found (each item: name, attributes by code, and
	 * optionally the other fields) with the CMDB, as an import does; {@code dryRun} only
	 * reports.
	 */
	@Transactional
	public Preview reconcile(String classCode, List<Map<String, String>> items, String source, boolean dryRun) {
		this.access.require(ConfigurationItems.WRITE);
		CiClassView c = this.classes.get(classCode);
		List<Map<String, String>> rows = new ArrayList<>();
		List<Violation> unknown = new ArrayList<>();
		int index = 0;
		for (Map<String, String> item : items) {
			index++;
			Map<String, String> row = new LinkedHashMap<>();
			row.put("#line", String.valueOf(index));
			for (Map.Entry<String, String> e : item.entrySet()) {
				String f = field(c, e.getKey());
				if (f == null) {
					unknown.add(new Violation(where(index, e.getKey()), "cmdb.import.unknownColumn",
							List.of(e.getKey(), c.code())));
				}
				else {
					row.put(f, e.getValue());
				}
			}
			rows.add(row);
		}
		if (!unknown.isEmpty()) {
			throw new ValidationFailed(unknown);
		}
		List<Planned> plan = plan(classCode, rows, (source == null || source.isBlank()) ? "discovery" : source);
		return dryRun ? preview(classCode, plan) : apply(classCode, plan, ChangeSource.DISCOVERY);
	}

	private Preview apply(String classCode, List<Planned> plan, ChangeSource source) {
		List<Violation> problems = new ArrayList<>();
		plan.forEach((p) -> problems.addAll(p.row().errors()));
		if (!problems.isEmpty()) {
			throw new ValidationFailed(problems);
		}
		List<Planned> done = new ArrayList<>();
		for (Planned p : plan) {
			try {
				if (p.existing() == null) {
					CiView created = this.cis.create(p.form(), source);
					done.add(new Planned(new Row(p.row().line(), created.name(), created.number(), Action.CREATE,
							List.of(), List.of()), p.form(), created));
				}
				else {
					if (p.row().action() == Action.UPDATE) {
						this.cis.update(p.existing().number(), p.form(), source);
					}
					done.add(p);
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
		return preview(classCode, done);
	}

	private static Preview preview(String classCode, List<Planned> plan) {
		List<Row> rows = plan.stream().map(Planned::row).toList();
		return new Preview(classCode, rows, rows.stream().filter((r) -> !r.ok()).count(),
				rows.stream().filter((r) -> r.ok() && r.action() == Action.CREATE).count(),
				rows.stream().filter((r) -> r.ok() && r.action() == Action.UPDATE).count(),
				rows.stream().filter((r) -> r.ok() && r.action() == Action.UNCHANGED).count());
	}

	/** The file's rows as field → cell, the header matched to fields. */
	private List<Map<String, String>> rows(String classCode, String fileName, byte[] bytes) {
		CiClassView c = this.classes.get(classCode);
		List<TableFiles.Line> lines = TableFiles.read(fileName, bytes);
		TableFiles.Line header = lines.get(0);
		Map<Integer, String> columns = new HashMap<>();
		List<Violation> unknown = new ArrayList<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String h = header.cell(i);
			if (h.isBlank()) {
				continue;
			}
			String f = field(c, h);
			if (f == null) {
				unknown.add(new Violation(where(1, h), "cmdb.import.unknownColumn", List.of(h, c.code())));
			}
			else {
				columns.put(i, f);
			}
		}
		if (!unknown.isEmpty()) {
			throw new ValidationFailed(unknown);
		}
		if (!columns.containsValue("name") && c.identifying().isEmpty()) {
			throw new ValidationFailed("file", "cmdb.import.nameColumn");
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (TableFiles.Line line : lines.subList(1, lines.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("#line", String.valueOf(line.number()));
			columns.forEach((i, f) -> row.put(f, line.cell(i)));
			rows.add(row);
		}
		return rows;
	}

	/**
	 * A header (or discovery key) as a field: a fixed one or {@code attr:<code>}; null if
	 * unknown.
	 */
	private String field(CiClassView c, String header) {
		String h = header.strip().toLowerCase(Locale.ROOT);
		for (String f : FIELDS) {
			if (h.equals(f) || h.equals(label(f, Locale.SIMPLIFIED_CHINESE)) || h.equals(label(f, Locale.ENGLISH))) {
				return f;
			}
		}
		if (h.equals("number") || h.equals("编号")) {
			return "number";
		}
		for (AttributeView a : c.activeAttributes()) {
			if (h.equals(a.code()) || h.equals(a.nameZh().toLowerCase(Locale.ROOT))
					|| h.equals(a.nameEn().toLowerCase(Locale.ROOT))) {
				return "attr:" + a.code();
			}
		}
		return null;
	}

	private String label(String field, Locale locale) {
		return this.messages.getMessage("cmdb." + field, null, field, locale).toLowerCase(Locale.ROOT);
	}

	private List<Planned> plan(String classCode, List<Map<String, String>> rows, String origin) {
		CiClassView c = this.classes.get(classCode);
		Map<String, Long> serviceIds = new HashMap<>();
		this.services.activeServices().forEach((s) -> {
			serviceIds.put(s.code().toLowerCase(Locale.ROOT), s.id());
			serviceIds.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s.id());
		});
		Map<String, Integer> seen = new HashMap<>();
		List<Planned> plan = new ArrayList<>();
		int index = 1;
		for (Map<String, String> cells : rows) {
			index++;
			int line = cells.containsKey("#line") ? Integer.parseInt(cells.get("#line")) : index;
			List<Violation> errors = new ArrayList<>();
			CiFormData probe = new CiFormData();
			probe.setClassCode(c.code());
			probe.setName(cells.get("name"));
			cells.forEach((f, v) -> {
				if (f.startsWith("attr:") && v != null && !v.isBlank()) {
					probe.getAttributes().put(f.substring(5), v.strip());
				}
			});
			Optional<CiView> existing = Optional.empty();
			try {
				existing = this.cis.identify(probe);
			}
			catch (DomainException ex) {
				errors.add(new Violation(where(line, null), ex.messageKey(), List.of(ex.args())));
			}
			CiFormData form = existing.map(CiFormData::of).orElseGet(() -> {
				CiFormData f = new CiFormData();
				f.setClassCode(c.code());
				return f;
			});
			form.setReason(this.messages.getMessage("cmdb.import.reason", new Object[] { origin }, origin,
					LocaleContextHolder.getLocale()));
			for (Map.Entry<String, String> e : cells.entrySet()) {
				String f = e.getKey();
				String v = (e.getValue() == null) ? "" : e.getValue().strip();
				if (v.isEmpty() || f.equals("#line") || f.equals("number")) {
					continue;
				}
				switch (f) {
					case "name" -> form.setName(v);
					case "description" -> form.setDescription(v);
					case "state" -> {
						CiState s = state(v);
						if (s == null) {
							errors.add(new Violation(where(line, column("state")), "cmdb.import.badState", List.of(v)));
						}
						else {
							form.setState(s);
						}
					}
					case "owner" -> {
						Optional<Long> u = this.directory.findUser(v);
						if (u.isEmpty()) {
							errors
								.add(new Violation(where(line, column("owner")), "cmdb.error.unknownUser", List.of(v)));
						}
						else {
							form.setOwnerId(u.get());
						}
					}
					case "group" -> {
						Optional<Long> g = this.directory.findGroup(v);
						if (g.isEmpty()) {
							errors.add(
									new Violation(where(line, column("group")), "cmdb.error.unknownGroup", List.of(v)));
						}
						else {
							form.setGroupId(g.get());
						}
					}
					case "location" -> {
						Optional<Long> l = this.cis.location(v);
						if (l.isEmpty()) {
							errors.add(new Violation(where(line, column("location")), "cmdb.error.notALocation",
									List.of(v)));
						}
						else {
							form.setLocationId(l.get());
						}
					}
					case "service" -> {
						Long s = serviceIds.get(v.toLowerCase(Locale.ROOT));
						if (s == null) {
							errors.add(new Violation(where(line, column("service")), "cmdb.error.unknownService",
									List.of(v)));
						}
						else {
							form.setServiceId(s);
						}
					}
					default -> form.getAttributes().put(f.substring(5), v);
				}
			}
			if (errors.isEmpty()) {
				String identity = this.cis.identityOf(form);
				Integer earlier = seen.putIfAbsent(identity, line);
				if (earlier != null) {
					errors.add(new Violation(where(line, null), "cmdb.import.duplicate", List.of(earlier)));
				}
			}
			Action action = Action.CREATE;
			List<Difference> differences = new ArrayList<>();
			if (errors.isEmpty()) {
				try {
					if (existing.isPresent()) {
						Map<String, String[]> changes = this.cis.differences(existing.get(), form);
						changes.forEach((k, v) -> differences.add(new Difference(k, v[0], v[1])));
						action = changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
					}
					else {
						errors.addAll(located(line, this.cis.check(form, null), c));
					}
				}
				catch (ValidationFailed ex) {
					errors.addAll(located(line, ex.violations(), c));
				}
			}
			plan.add(new Planned(new Row(line, form.getName(), existing.map(CiView::number).orElse(null), action,
					List.copyOf(differences), List.copyOf(errors)), form, existing.orElse(null)));
		}
		return plan;
	}

	private List<Violation> located(int line, List<Violation> violations, CiClassView c) {
		List<Violation> out = new ArrayList<>();
		for (Violation v : violations) {
			String f = v.field();
			String column = null;
			if (f != null && f.startsWith("attributes[")) {
				String code = f.substring(11, f.length() - 1);
				column = c.attributes()
					.stream()
					.filter((a) -> a.code().equals(code))
					.findFirst()
					.map((a) -> a.name(LocaleContextHolder.getLocale().getLanguage()))
					.orElse(code);
			}
			else if (f != null) {
				String base = f.endsWith("Id") ? f.substring(0, f.length() - 2) : f;
				column = column(base);
			}
			out.add(new Violation(where(line, column), v.messageKey(), v.args()));
		}
		return out;
	}

	private CiState state(String v) {
		for (CiState s : CiState.values()) {
			if (s.name().equalsIgnoreCase(v)
					|| v.equals(this.messages.getMessage(s.messageKey(), null, s.name(), Locale.SIMPLIFIED_CHINESE))
					|| v.equalsIgnoreCase(this.messages.getMessage(s.messageKey(), null, s.name(), Locale.ENGLISH))) {
				return s;
			}
		}
		return null;
	}

	private String column(String field) {
		return this.messages.getMessage("cmdb." + field, null, field, LocaleContextHolder.getLocale());
	}

	private String where(int line, String column) {
		return TableFiles.where(this.messages, line, column);
	}

}
