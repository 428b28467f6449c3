package org.yunwei.fields;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReadCache;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;

/**
 * Custom fields: their definitions per scope (administered with {@link #WRITE}), and the
 * values of records, read in batches (no N+1), validated and written with the changes
 * returned for the record's journal, and filtered in SQL.
 */
@Service
@Transactional
public class CustomFields {

	public static final String WRITE = "field:write";

	private static final int MAX_TEXT = 2000;

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final Directory directory;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * The fields in use per scope, read on every form, list and save (most scopes have
	 * none): kept until a field is defined or changed.
	 */
	private final ReadCache<String, List<FieldDefinition>> activeByScope = new ReadCache<>();

	CustomFields(NamedParameterJdbcTemplate jdbc, AccessControl access, Directory directory, AuditTrail audit,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	// ---- definitions

	/** Every field of a scope, in order, inactive ones included (for administrators). */
	@Transactional(readOnly = true)
	public List<FieldDefinition> definitions(String scope) {
		this.access.require(WRITE);
		return query("where scope = :s order by sort_order, id", new MapSqlParameterSource("s", scope));
	}

	/**
	 * The fields in use of a scope, in order (no permission needed: forms and lists show
	 * them).
	 */
	@Transactional(readOnly = true)
	public List<FieldDefinition> active(String scope) {
		return this.activeByScope.get(scope,
				(s) -> List.copyOf(query("where scope = :s and active = true order by sort_order, id",
						new MapSqlParameterSource("s", s))));
	}

	@Transactional(readOnly = true)
	public FieldDefinition definition(long id) {
		this.access.require(WRITE);
		return find(id);
	}

	public FieldDefinition define(String scope, FieldFormData form) {
		this.access.require(WRITE);
		List<FieldDefinition.Option> options = check(form);
		MapSqlParameterSource p = params(form, options).addValue("scope", scope)
			.addValue("code", form.getCode())
			.addValue("kind", form.getKind().name())
			.addValue("now", this.clock.instant().atOffset(ZoneOffset.UTC));
		this.activeByScope.forget();
		Integer exists = this.jdbc.queryForObject("select count(*) from cf_field where scope = :scope and code = :code",
				p, Integer.class);
		if (exists != null && exists > 0) {
			throw new ValidationFailed("code", "field.error.duplicate", form.getCode());
		}
		try {
			this.jdbc.update("insert into cf_field (version, scope, code, label_zh, label_en, kind, required, options,"
					+ " pattern, min_value, max_value, in_list, sort_order, active, created_at, updated_at)"
					+ " values (0, :scope, :code, :zh, :en, :kind, :required, :options, :pattern, :min, :max, :inList,"
					+ " :sort, :active, :now, :now)", p);
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw new ValidationFailed("code", "field.error.duplicate", form.getCode());
		}
		Long id = this.jdbc.queryForObject("select id from cf_field where scope = :scope and code = :code", p,
				Long.class);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "customField", id, scope + "/" + form.getCode())
			.withChange("kind", null, form.getKind())
			.withChange("label", null, form.getLabelZh()));
		return find(id);
	}

	/** Changes a field; its code and kind stay (values are stored by kind). */
	public FieldDefinition update(long id, FieldFormData form) {
		this.access.require(WRITE);
		FieldDefinition before = find(id);
		if (form.getVersion() == null || form.getVersion() != before.version()) {
			throw Conflict.staleVersion("customField", before.code());
		}
		form.setCode(before.code());
		form.setKind(before.kind());
		this.activeByScope.forget();
		List<FieldDefinition.Option> options = check(form);
		this.jdbc.update("update cf_field set version = version + 1, label_zh = :zh, label_en = :en,"
				+ " required = :required, options = :options, pattern = :pattern, min_value = :min, max_value = :max,"
				+ " in_list = :inList, sort_order = :sort, active = :active, updated_at = :now where id = :id",
				params(form, options).addValue("id", id)
					.addValue("now", this.clock.instant().atOffset(ZoneOffset.UTC)));
		FieldDefinition after = find(id);
		AuditEvent event = AuditEvent.of(AuditAction.UPDATE, "customField", id, before.scope() + "/" + before.code());
		if (!Objects.equals(before.labelZh(), after.labelZh())) {
			event = event.withChange("label", before.labelZh(), after.labelZh());
		}
		if (before.required() != after.required()) {
			event = event.withChange("required", before.required(), after.required());
		}
		if (before.active() != after.active()) {
			event = event.withChange("active", before.active(), after.active());
		}
		if (!before.options().equals(after.options())) {
			event = event.withChange("options", before.options(), after.options());
		}
		this.audit.record(event);
		return after;
	}

	private List<FieldDefinition.Option> check(FieldFormData form) {
		List<FieldDefinition.Option> options = new ArrayList<>();
		if (form.getKind().choice()) {
			Set<String> seen = new HashSet<>();
			for (String line : (form.getOptions() == null ? "" : form.getOptions()).split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				String[] parts = line.split("\\|", -1);
				String value = parts[0].strip();
				if (value.isEmpty() || value.length() > 100 || !seen.add(value)) {
					throw new ValidationFailed("options", "field.error.option", line.strip());
				}
				String zh = (parts.length > 1 && !parts[1].isBlank()) ? parts[1].strip() : value;
				String en = (parts.length > 2 && !parts[2].isBlank()) ? parts[2].strip() : zh;
				options.add(new FieldDefinition.Option(value, zh, en));
			}
			if (options.isEmpty()) {
				throw new ValidationFailed("options", "field.error.noOptions");
			}
		}
		if (form.getPattern() != null && !form.getPattern().isBlank()) {
			if (form.getKind() != FieldKind.TEXT) {
				throw new ValidationFailed("pattern", "field.error.patternForText");
			}
			try {
				Pattern.compile(form.getPattern());
			}
			catch (PatternSyntaxException ex) {
				throw new ValidationFailed("pattern", "field.error.pattern", form.getPattern());
			}
		}
		if ((form.getMin() != null || form.getMax() != null) && form.getKind() != FieldKind.NUMBER) {
			throw new ValidationFailed("min", "field.error.rangeForNumber");
		}
		if (form.getMin() != null && form.getMax() != null && form.getMin().compareTo(form.getMax()) > 0) {
			throw new ValidationFailed("max", "field.error.range");
		}
		return options;
	}

	private MapSqlParameterSource params(FieldFormData form, List<FieldDefinition.Option> options) {
		return new MapSqlParameterSource("zh", form.getLabelZh().strip())
			.addValue("en",
					(form.getLabelEn() == null || form.getLabelEn().isBlank()) ? form.getLabelZh().strip()
							: form.getLabelEn().strip())
			.addValue("required", form.isRequired())
			.addValue("options", options.isEmpty() ? null : this.json.writeValueAsString(options))
			.addValue("pattern", (form.getPattern() == null || form.getPattern().isBlank()) ? null : form.getPattern())
			.addValue("min", form.getMin())
			.addValue("max", form.getMax())
			.addValue("inList", form.isInList())
			.addValue("sort", form.getSortOrder())
			.addValue("active", form.isActive());
	}

	private FieldDefinition find(long id) {
		List<FieldDefinition> found = query("where id = :id", new MapSqlParameterSource("id", id));
		if (found.isEmpty()) {
			throw NotFound.of("customField", id);
		}
		return found.get(0);
	}

	private List<FieldDefinition> query(String where, MapSqlParameterSource p) {
		return this.jdbc.query("select id, version, scope, code, label_zh, label_en, kind, required, options, pattern,"
				+ " min_value, max_value, in_list, sort_order, active from cf_field " + where, p, (rs, n) -> {
					String options = rs.getString(9);
					List<FieldDefinition.Option> list = (options == null) ? List.of()
							: this.json.readValue(options, new TypeReference<List<FieldDefinition.Option>>() {
							});
					return new FieldDefinition(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), FieldKind.valueOf(rs.getString(7)), rs.getBoolean(8),
							list, rs.getString(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBoolean(13),
							rs.getInt(14), rs.getBoolean(15));
				});
	}

	// ---- values

	/**
	 * The values of records, by record id and field code: text and choices as
	 * {@code String}, numbers as {@code BigDecimal}, dates as {@code LocalDate}, people
	 * and groups as their id ({@code Long}), multiple choices as a {@code List<String>}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<String, Object>> values(String scope, Collection<Long> recordIds) {
		return values(active(scope), recordIds);
	}

	/**
	 * The values of records for fields already read (a list that also shows their
	 * labels).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<String, Object>> values(List<FieldDefinition> definitions, Collection<Long> recordIds) {
		Map<Long, Map<String, Object>> result = new HashMap<>();
		if (recordIds.isEmpty()) {
			return result;
		}
		Map<Long, FieldDefinition> fields = new HashMap<>();
		definitions.forEach((f) -> fields.put(f.id(), f));
		if (fields.isEmpty()) {
			return result;
		}
		this.jdbc.query(
				"select record_id, field_id, text_value, number_value, date_value, ref_value from cf_value"
						+ " where field_id in (:fields) and record_id in (:ids) order by id",
				new MapSqlParameterSource("fields", fields.keySet()).addValue("ids", recordIds), (rs) -> {
					FieldDefinition f = fields.get(rs.getLong(2));
					Map<String, Object> values = result.computeIfAbsent(rs.getLong(1), (k) -> new LinkedHashMap<>());
					switch (f.kind()) {
						case NUMBER:
							values.put(f.code(), rs.getBigDecimal(4).stripTrailingZeros());
							break;
						case DATE:
							values.put(f.code(), rs.getObject(5, LocalDate.class));
							break;
						case USER:
						case GROUP:
							values.put(f.code(), rs.getLong(6));
							break;
						case MULTI_SELECT:
							@SuppressWarnings("unchecked")
							List<String> list = (List<String>) values.computeIfAbsent(f.code(),
									(k) -> new ArrayList<String>());
							list.add(rs.getString(3));
							break;
						default:
							values.put(f.code(), rs.getString(3));
					}
				});
		return result;
	}

	@Transactional(readOnly = true)
	public Map<String, Object> values(String scope, long recordId) {
		return values(scope, List.of(recordId)).getOrDefault(recordId, Map.of());
	}

	/**
	 * Validates and stores the values given (codes absent from {@code input} keep their
	 * value; an empty value clears it). Every problem is reported at once, at
	 * {@code customFields.<code>}. Returns what changed, as field label → [before, after]
	 * shown as people read them (in Chinese, like the rest of the journal).
	 */
	public Map<String, String[]> write(String scope, long recordId, Map<String, ?> input, boolean creating) {
		List<FieldDefinition> fields = active(scope);
		Map<String, Object> current = values(scope, recordId);
		List<Violation> violations = new ArrayList<>();
		Map<FieldDefinition, Object> next = prepare(fields, current, input, creating, violations);
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
		Map<String, String[]> changes = new LinkedHashMap<>();
		for (Map.Entry<FieldDefinition, Object> e : next.entrySet()) {
			FieldDefinition f = e.getKey();
			Object before = current.get(f.code());
			if (same(before, e.getValue())) {
				continue;
			}
			this.jdbc.update("delete from cf_value where field_id = :f and record_id = :r",
					new MapSqlParameterSource("f", f.id()).addValue("r", recordId));
			if (e.getValue() != null) {
				List<?> rows = (e.getValue() instanceof List<?> l) ? l : List.of(e.getValue());
				for (Object v : rows) {
					insert(f, recordId, v);
				}
			}
			changes.put(f.labelZh(), new String[] { display(f, before, "zh"), display(f, e.getValue(), "zh") });
		}
		return changes;
	}

	/**
	 * The problems values would have, without storing them (an import's preview);
	 * {@code recordId} is null for a record still to be created.
	 */
	@Transactional(readOnly = true)
	public List<Violation> check(String scope, Long recordId, Map<String, ?> input) {
		List<Violation> violations = new ArrayList<>();
		Map<String, Object> current = (recordId == null) ? Map.of() : values(scope, recordId);
		prepare(active(scope), current, input, recordId == null, violations);
		return violations;
	}

	/**
	 * The new values of the fields given, converted; problems added to
	 * {@code violations}.
	 */
	private Map<FieldDefinition, Object> prepare(List<FieldDefinition> fields, Map<String, Object> current,
			Map<String, ?> input, boolean creating, List<Violation> violations) {
		Map<String, ?> given = (input == null) ? Map.of() : input;
		for (String code : given.keySet()) {
			if (fields.stream().noneMatch((f) -> f.code().equals(code))) {
				violations.add(new Violation("customFields." + code, "field.error.unknown", List.of(code)));
			}
		}
		Map<FieldDefinition, Object> next = new LinkedHashMap<>();
		for (FieldDefinition f : fields) {
			Object value = given.containsKey(f.code()) ? convert(f, given.get(f.code()), violations)
					: current.get(f.code());
			boolean empty = value == null || (value instanceof List<?> l && l.isEmpty());
			if (f.required() && empty && (creating || given.containsKey(f.code()) || !current.containsKey(f.code()))) {
				violations.add(new Violation("customFields." + f.code(), "field.error.required", List.of(f.labelZh())));
			}
			if (given.containsKey(f.code())) {
				next.put(f, empty ? null : value);
			}
		}
		return next;
	}

	private static boolean same(Object a, Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		if (a instanceof List<?> x && b instanceof List<?> y) {
			return new HashSet<>(x).equals(new HashSet<>(y));
		}
		return Objects.equals(a, b);
	}

	private void insert(FieldDefinition f, long recordId, Object v) {
		MapSqlParameterSource p = new MapSqlParameterSource("f", f.id()).addValue("r", recordId)
			.addValue("t", (v instanceof String s) ? s : null)
			.addValue("n", (v instanceof BigDecimal b) ? b : null)
			.addValue("d", (v instanceof LocalDate d) ? d : null)
			.addValue("ref", (v instanceof Long l) ? l : null);
		this.jdbc.update("insert into cf_value (field_id, record_id, text_value, number_value, date_value, ref_value)"
				+ " values (:f, :r, :t, :n, :d, :ref)", p);
	}

	/** Reads a value as given by a form, REST or an import; null when empty. */
	private Object convert(FieldDefinition f, Object raw, List<Violation> violations) {
		String at = "customFields." + f.code();
		if (raw == null) {
			return null;
		}
		if (f.kind() == FieldKind.MULTI_SELECT) {
			List<String> values = new ArrayList<>();
			Collection<?> items = (raw instanceof Collection<?> c) ? c
					: (raw instanceof String[] a) ? List.of(a) : List.of(raw.toString().split("[,，;；]"));
			for (Object item : items) {
				String v = String.valueOf(item).strip();
				if (v.isEmpty()) {
					continue;
				}
				String value = choice(f, v);
				if (value == null) {
					violations.add(new Violation(at, "field.error.choice", List.of(f.labelZh(), v)));
				}
				else if (!values.contains(value)) {
					values.add(value);
				}
			}
			return values;
		}
		String text = (raw instanceof String[] a) ? (a.length == 0 ? "" : a[0]) : raw.toString();
		text = text.strip();
		if (text.isEmpty()) {
			return null;
		}
		switch (f.kind()) {
			case NUMBER:
				try {
					BigDecimal n = new BigDecimal(text);
					if ((f.min() != null && n.compareTo(f.min()) < 0)
							|| (f.max() != null && n.compareTo(f.max()) > 0)) {
						violations.add(new Violation(at, "field.error.outOfRange",
								List.of(f.labelZh(), plain(f.min()), plain(f.max()))));
					}
					return n;
				}
				catch (NumberFormatException ex) {
					violations.add(new Violation(at, "field.error.number", List.of(f.labelZh(), text)));
					return null;
				}
			case DATE:
				try {
					return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
				}
				catch (DateTimeParseException ex) {
					violations.add(new Violation(at, "field.error.date", List.of(f.labelZh(), text)));
					return null;
				}
			case SELECT:
				String value = choice(f, text);
				if (value == null) {
					violations.add(new Violation(at, "field.error.choice", List.of(f.labelZh(), text)));
				}
				return value;
			case USER:
				Long user = text.matches("\\d+") ? Long.valueOf(text) : this.directory.findUser(text).orElse(null);
				if (user == null || !this.directory.isActiveUser(user)) {
					violations.add(new Violation(at, "field.error.user", List.of(f.labelZh(), text)));
				}
				return user;
			case GROUP:
				Long group = text.matches("\\d+") ? Long.valueOf(text) : this.directory.findGroup(text).orElse(null);
				if (group == null || !this.directory.isActiveGroup(group)) {
					violations.add(new Violation(at, "field.error.group", List.of(f.labelZh(), text)));
				}
				return group;
			default:
				if (text.length() > MAX_TEXT) {
					violations.add(new Violation(at, "field.error.tooLong", List.of(f.labelZh(), MAX_TEXT)));
				}
				else if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(text).matches()) {
					violations.add(new Violation(at, "field.error.mismatch", List.of(f.labelZh(), text)));
				}
				return text;
		}
	}

	/** A choice by its value or either label. */
	private static String choice(FieldDefinition f, String given) {
		return f.options()
			.stream()
			.filter((o) -> o.value().equals(given) || o.zh().equals(given) || o.en().equalsIgnoreCase(given))
			.findFirst()
			.map(FieldDefinition.Option::value)
			.orElse(null);
	}

	private static String plain(BigDecimal n) {
		return (n == null) ? "—" : n.stripTrailingZeros().toPlainString();
	}

	/**
	 * Whether a choice is among a field's values as a form holds them (one value,
	 * several, or a request's array).
	 */
	public static boolean chosen(Object values, String value) {
		if (values instanceof String[] array) {
			return java.util.Arrays.asList(array).contains(value);
		}
		if (values instanceof Collection<?> c) {
			return c.contains(value);
		}
		return values != null && values.toString().equals(value);
	}

	/** A value as people read it: choices by label, people and groups by name. */
	@Transactional(readOnly = true)
	public String display(FieldDefinition f, Object value, String language) {
		if (value == null) {
			return null;
		}
		switch (f.kind()) {
			case NUMBER:
				return ((BigDecimal) value).stripTrailingZeros().toPlainString();
			case SELECT:
				return f.optionLabel((String) value, language);
			case MULTI_SELECT:
				List<String> labels = new ArrayList<>();
				((List<?>) value).forEach((v) -> labels.add(f.optionLabel(String.valueOf(v), language)));
				return String.join(", ", labels);
			case USER:
				return this.directory.userNames(List.of((Long) value))
					.getOrDefault((Long) value, String.valueOf(value));
			case GROUP:
				return this.directory.groupNames(List.of((Long) value))
					.getOrDefault((Long) value, String.valueOf(value));
			default:
				return String.valueOf(value);
		}
	}

	// ---- sorting

	/** How to order records by a field: its id and the value column of its kind. */
	public record SortKey(long fieldId, FieldKind kind, String column) {

		/**
		 * The field's value of the record whose id is {@code idColumn}, as a SQL
		 * expression.
		 */
		public String expression(String idColumn, String param) {
			return "(select sv." + this.column + " from cf_value sv where sv.field_id = :" + param
					+ " and sv.record_id = " + idColumn + ")";
		}

		/** A value as a cursor keeps it, read back. */
		public Object parse(String text) {
			switch (this.kind) {
				case NUMBER:
					return new BigDecimal(text);
				case DATE:
					return LocalDate.parse(text);
				case USER:
				case GROUP:
					return Long.valueOf(text);
				default:
					return text;
			}
		}

	}

	/** A field records can be ordered by (any single-valued kind). */
	@Transactional(readOnly = true)
	public SortKey sortKey(String scope, String code) {
		FieldDefinition f = active(scope).stream()
			.filter((d) -> d.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ValidationFailed("sort", "field.error.unknown", code));
		switch (f.kind()) {
			case NUMBER:
				return new SortKey(f.id(), f.kind(), "number_value");
			case DATE:
				return new SortKey(f.id(), f.kind(), "date_value");
			case USER:
			case GROUP:
				return new SortKey(f.id(), f.kind(), "ref_value");
			case MULTI_SELECT:
				throw new ValidationFailed("sort", "field.error.notSortable", f.labelZh());
			default:
				return new SortKey(f.id(), f.kind(), "text_value");
		}
	}

	// ---- filters

	/**
	 * Adds to a query the conditions "field = value" (text: contains, any case; multiple
	 * choice: one of them) for the records whose id is {@code idColumn}.
	 */
	@Transactional(readOnly = true)
	public void filter(String scope, Map<String, String> conditions, String idColumn, StringBuilder sql,
			MapSqlParameterSource p) {
		if (conditions == null || conditions.isEmpty()) {
			return;
		}
		Map<String, FieldDefinition> fields = new HashMap<>();
		active(scope).forEach((f) -> fields.put(f.code(), f));
		int i = 0;
		for (Map.Entry<String, String> c : conditions.entrySet()) {
			if (c.getValue() == null || c.getValue().isBlank()) {
				continue;
			}
			FieldDefinition f = fields.get(c.getKey());
			if (f == null) {
				throw new ValidationFailed("cf." + c.getKey(), "field.error.unknown", c.getKey());
			}
			List<Violation> violations = new ArrayList<>();
			Object value = (f.kind() == FieldKind.TEXT) ? c.getValue().strip() : convert(f, c.getValue(), violations);
			if (!violations.isEmpty()) {
				throw new ValidationFailed(violations);
			}
			String field = "cf" + i + "f";
			String v = "cf" + i + "v";
			p.addValue(field, f.id());
			String column;
			switch (f.kind()) {
				case NUMBER:
					column = "cv.number_value = :" + v;
					p.addValue(v, value);
					break;
				case DATE:
					column = "cv.date_value = :" + v;
					p.addValue(v, value);
					break;
				case USER:
				case GROUP:
					column = "cv.ref_value = :" + v;
					p.addValue(v, value);
					break;
				case MULTI_SELECT:
					column = "cv.text_value in (:" + v + ")";
					p.addValue(v, value);
					break;
				case TEXT:
					column = "upper(cv.text_value) like :" + v;
					p.addValue(v, "%" + value.toString().toUpperCase(java.util.Locale.ROOT) + "%");
					break;
				default:
					column = "cv.text_value = :" + v;
					p.addValue(v, value);
			}
			sql.append(" and exists (select 1 from cf_value cv where cv.field_id = :")
				.append(field)
				.append(" and cv.record_id = ")
				.append(idColumn)
				.append(" and ")
				.append(column)
				.append(")");
			i++;
		}
	}

}
