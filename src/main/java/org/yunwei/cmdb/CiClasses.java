package org.yunwei.cmdb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;

/**
 * The CI model: classes in a hierarchy, each inheriting its ancestors' attributes. An
 * administrator with {@code cmdb:manage} adds classes and attributes; a class or
 * attribute in use is withdrawn, never deleted. Making an attribute unique or identifying
 * is refused while CIs share a value of it.
 */
@Service
@Transactional
public class CiClasses {

	static final String RECORD_TYPE = "ciClass";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	CiClasses(NamedParameterJdbcTemplate jdbc, AccessControl access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every class, depth first in the order of the hierarchy, with its attributes. */
	@Transactional(readOnly = true)
	public List<CiClassView> tree() {
		this.access.require(ConfigurationItems.READ);
		return load();
	}

	List<CiClassView> load() {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select c.*, p.code as parent_code from cm_class c left join cm_class p on p.id = c.parent_id"
					+ " order by c.position, c.id", new MapSqlParameterSource());
		List<AttributeView> attributes = this.jdbc.query(
				"select a.*, c.code as class_code from cm_attribute a join cm_class c on c.id = a.class_id"
						+ " order by a.position, a.id",
				new MapSqlParameterSource(),
				(rs, i) -> new AttributeView(rs.getLong("id"), rs.getLong("class_id"), rs.getString("class_code"),
						rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
						AttributeType.valueOf(rs.getString("data_type")), rs.getBoolean("required"),
						rs.getBoolean("unique_value"), rs.getBoolean("identifying"), choices(rs.getString("choices")),
						rs.getInt("position"), rs.getBoolean("active")));
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("select class_id, count(*) from cm_ci group by class_id", new MapSqlParameterSource(), (rs) -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		Map<Long, List<AttributeView>> own = new HashMap<>();
		attributes.forEach((a) -> own.computeIfAbsent(a.classId(), (k) -> new ArrayList<>()).add(a));
		Map<Long, List<Map<String, Object>>> children = new LinkedHashMap<>();
		for (Map<String, Object> r : rows) {
			Long parent = (r.get("parent_id") == null) ? null : ((Number) r.get("parent_id")).longValue();
			children.computeIfAbsent((parent == null) ? 0L : parent, (k) -> new ArrayList<>()).add(r);
		}
		List<CiClassView> out = new ArrayList<>();
		walk(0L, 0, List.of(), children, own, counts, out);
		return out;
	}

	private void walk(long parent, int depth, List<AttributeView> inherited,
			Map<Long, List<Map<String, Object>>> children, Map<Long, List<AttributeView>> own, Map<Long, Long> counts,
			List<CiClassView> out) {
		for (Map<String, Object> r : children.getOrDefault(parent, List.of())) {
			long id = ((Number) r.get("id")).longValue();
			List<AttributeView> attrs = new ArrayList<>(inherited);
			attrs.addAll(own.getOrDefault(id, List.of()));
			out.add(new CiClassView(id, ((Number) r.get("version")).intValue(), (String) r.get("code"),
					(r.get("parent_id") == null) ? null : ((Number) r.get("parent_id")).longValue(),
					(String) r.get("parent_code"), (String) r.get("name_zh"), (String) r.get("name_en"),
					(String) r.get("icon"), Boolean.TRUE.equals(r.get("abstract_class")),
					Boolean.TRUE.equals(r.get("active")), depth, List.copyOf(attrs), counts.getOrDefault(id, 0L)));
			walk(id, depth + 1, attrs, children, own, counts, out);
		}
	}

	static List<AttributeView.Choice> choices(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<AttributeView.Choice> out = new ArrayList<>();
		for (String line : text.split("\\R")) {
			String l = line.strip();
			if (l.isEmpty()) {
				continue;
			}
			int bar = l.indexOf('|');
			String value = (bar < 0) ? l : l.substring(0, bar).strip();
			String en = (bar < 0) ? l : l.substring(bar + 1).strip();
			if (!value.isEmpty() && out.stream().noneMatch((c) -> c.value().equals(value))) {
				out.add(new AttributeView.Choice(value, en.isEmpty() ? value : en));
			}
		}
		return List.copyOf(out);
	}

	@Transactional(readOnly = true)
	public CiClassView get(String code) {
		return find(code).orElseThrow(() -> NotFound.of(RECORD_TYPE, code));
	}

	@Transactional(readOnly = true)
	public Optional<CiClassView> find(String code) {
		this.access.require(ConfigurationItems.READ);
		return load().stream()
			.filter((c) -> c.code().equalsIgnoreCase(Objects.requireNonNullElse(code, "")))
			.findFirst();
	}

	/** The class and every class below it, by id. */
	List<Long> subtree(List<CiClassView> all, long classId) {
		List<Long> ids = new ArrayList<>();
		ids.add(classId);
		for (int i = 0; i < ids.size(); i++) {
			long parent = ids.get(i);
			all.stream().filter((c) -> Objects.equals(c.parentId(), parent)).forEach((c) -> ids.add(c.id()));
		}
		return ids;
	}

	public CiClassView create(CiClassFormData form) {
		this.access.require(ConfigurationItems.MANAGE);
		List<CiClassView> all = load();
		String code = form.getCode().strip().toLowerCase();
		if (all.stream().anyMatch((c) -> c.code().equals(code))) {
			throw new ValidationFailed("code", "cmdb.error.classExists", code);
		}
		Long parent = parent(all, form.getParentCode(), null);
		var now = Timestamps.utc(this.clock.instant());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into cm_class (version, code, parent_id, name_zh, name_en, icon, abstract_class, active,"
						+ " position, created_at, updated_at) values (0, :code, :parent, :zh, :en, :icon, :abstract,"
						+ " :active, (select coalesce(max(position), 0) + 1 from cm_class), :now, :now)",
				params(form).addValue("code", code).addValue("parent", parent).addValue("now", now), keys,
				new String[] { "id" });
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RECORD_TYPE, keys.getKey().longValue(), code)
			.withChange("parent", null, form.getParentCode()));
		return get(code);
	}

	public CiClassView update(String code, CiClassFormData form) {
		this.access.require(ConfigurationItems.MANAGE);
		List<CiClassView> all = load();
		CiClassView c = all.stream()
			.filter((x) -> x.code().equals(code))
			.findFirst()
			.orElseThrow(() -> NotFound.of(RECORD_TYPE, code));
		if (form.getVersion() == null || form.getVersion() != c.version()) {
			throw Conflict.staleVersion(RECORD_TYPE, code);
		}
		Long parent = parent(all, form.getParentCode(), c);
		if (form.isAbstractClass() && !c.abstractClass() && c.cis() > 0) {
			throw new Conflict("cmdb.error.abstractInUse", code, c.cis());
		}
		this.jdbc.update("update cm_class set version = version + 1, parent_id = :parent, name_zh = :zh, name_en = :en,"
				+ " icon = :icon, abstract_class = :abstract, active = :active, updated_at = :now where id = :id",
				params(form).addValue("id", c.id())
					.addValue("parent", parent)
					.addValue("now", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RECORD_TYPE, c.id(), code)
			.withChange("nameZh", c.nameZh(), form.getNameZh())
			.withChange("parent", c.parentCode(), form.getParentCode())
			.withChange("active", c.active(), form.isActive()));
		if (!Objects.equals(parent, c.parentId())) {
			recomputeIdentities(subtree(load(), c.id()));
		}
		return get(code);
	}

	private Long parent(List<CiClassView> all, String parentCode, CiClassView self) {
		if (parentCode == null || parentCode.isBlank()) {
			return null;
		}
		CiClassView p = all.stream()
			.filter((x) -> x.code().equals(parentCode.strip()))
			.findFirst()
			.orElseThrow(() -> new ValidationFailed("parentCode", "cmdb.error.unknownClass", parentCode));
		if (self != null && subtree(all, self.id()).contains(p.id())) {
			throw new ValidationFailed("parentCode", "cmdb.error.classCycle", parentCode);
		}
		return p.id();
	}

	private static MapSqlParameterSource params(CiClassFormData form) {
		return new MapSqlParameterSource("zh", form.getNameZh().strip()).addValue("en", form.getNameEn().strip())
			.addValue("icon", (form.getIcon() == null || form.getIcon().isBlank()) ? "box" : form.getIcon().strip())
			.addValue("abstract", form.isAbstractClass())
			.addValue("active", form.isActive());
	}

	// ---- attributes

	public CiClassView addAttribute(String classCode, AttributeFormData form) {
		this.access.require(ConfigurationItems.MANAGE);
		List<CiClassView> all = load();
		CiClassView c = byCode(all, classCode);
		String code = form.getCode().strip().toLowerCase();
		// a code once on the path from the root to any class below must stay unambiguous
		for (long id : subtree(all, c.id())) {
			CiClassView k = all.stream().filter((x) -> x.id() == id).findFirst().orElseThrow();
			if (k.attributes().stream().anyMatch((a) -> a.code().equals(code))) {
				throw new ValidationFailed("code", "cmdb.error.attributeExists", code, k.code());
			}
		}
		checkChoices(form);
		this.jdbc
			.update("insert into cm_attribute (class_id, code, name_zh, name_en, data_type, required, unique_value,"
					+ " identifying, choices, position, active) values (:class, :code, :zh, :en, :type, :required, :unique,"
					+ " :identifying, :choices, :position, :active)",
					params(form).addValue("class", c.id()).addValue("code", code));
		touch(c.id());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "ciAttribute", c.code() + "." + code, form.getNameZh())
			.withChange("type", null, form.getType())
			.withChange("identifying", null, form.isIdentifying()));
		if (form.isIdentifying()) {
			recomputeIdentities(subtree(load(), c.id()));
		}
		return get(c.code());
	}

	public CiClassView updateAttribute(String classCode, String attributeCode, AttributeFormData form) {
		this.access.require(ConfigurationItems.MANAGE);
		List<CiClassView> all = load();
		CiClassView c = byCode(all, classCode);
		AttributeView a = c.own()
			.stream()
			.filter((x) -> x.code().equals(attributeCode))
			.findFirst()
			.orElseThrow(() -> NotFound.of("ciAttribute", classCode + "." + attributeCode));
		checkChoices(form);
		MapSqlParameterSource p = new MapSqlParameterSource("attr", a.id());
		Long values = this.jdbc.queryForObject("select count(*) from cm_value where attribute_id = :attr", p,
				Long.class);
		if (form.getType() != a.type() && values != null && values > 0) {
			throw new Conflict("cmdb.error.typeInUse", a.code(), values);
		}
		if ((form.isUnique() && !a.unique()) || (form.isIdentifying() && !a.identifying())) {
			List<String> dup = this.jdbc.queryForList(
					"select value_text from cm_value where attribute_id = :attr"
							+ " group by value_key, value_text having count(*) > 1 fetch first 1 rows only",
					p, String.class);
			if (!dup.isEmpty()) {
				throw new Conflict("cmdb.error.valuesNotUnique", a.code(), dup.get(0));
			}
		}
		if (form.getType() == AttributeType.CHOICE && values != null && values > 0) {
			List<String> allowed = choices(form.getChoices()).stream().map(AttributeView.Choice::value).toList();
			List<String> used = this.jdbc
				.queryForList("select distinct value_text from cm_value where attribute_id = :attr", p, String.class);
			for (String u : used) {
				if (!allowed.contains(u)) {
					throw new Conflict("cmdb.error.choiceInUse", u);
				}
			}
		}
		this.jdbc
			.update("update cm_attribute set name_zh = :zh, name_en = :en, data_type = :type, required = :required,"
					+ " unique_value = :unique, identifying = :identifying, choices = :choices, position = :position,"
					+ " active = :active where id = :attr", params(form).addValue("attr", a.id()));
		touch(c.id());
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "ciAttribute", c.code() + "." + a.code(), form.getNameZh())
			.withChange("required", a.required(), form.isRequired())
			.withChange("unique", a.unique(), form.isUnique())
			.withChange("identifying", a.identifying(), form.isIdentifying())
			.withChange("active", a.active(), form.isActive()));
		if (a.identifying() != form.isIdentifying() || a.active() != form.isActive()) {
			recomputeIdentities(subtree(load(), c.id()));
		}
		return get(c.code());
	}

	private static void checkChoices(AttributeFormData form) {
		if (form.getType() == AttributeType.CHOICE && choices(form.getChoices()).isEmpty()) {
			throw new ValidationFailed("choices", "cmdb.error.choicesRequired");
		}
	}

	private static MapSqlParameterSource params(AttributeFormData form) {
		return new MapSqlParameterSource("zh", form.getNameZh().strip()).addValue("en", form.getNameEn().strip())
			.addValue("type", form.getType().name())
			.addValue("required", form.isRequired())
			.addValue("unique", form.isUnique() || form.isIdentifying())
			.addValue("identifying", form.isIdentifying())
			.addValue("choices",
					(form.getType() == AttributeType.CHOICE)
							? new AttributeView(0, 0, null, null, null, null, AttributeType.CHOICE, false, false, false,
									choices(form.getChoices()), 0, true)
								.choicesText()
							: null)
			.addValue("position", form.getPosition())
			.addValue("active", form.isActive());
	}

	private static CiClassView byCode(List<CiClassView> all, String code) {
		return all.stream()
			.filter((x) -> x.code().equals(code))
			.findFirst()
			.orElseThrow(() -> NotFound.of(RECORD_TYPE, code));
	}

	private void touch(long classId) {
		this.jdbc.update("update cm_class set version = version + 1, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", classId).addValue("now", Timestamps.utc(this.clock.instant())));
	}

	/**
	 * After the identifying attributes of classes changed, the identity of their CIs is
	 * computed again; two CIs that now share one are refused.
	 */
	private void recomputeIdentities(List<Long> classIds) {
		List<CiClassView> all = load();
		for (long classId : classIds) {
			CiClassView c = all.stream().filter((x) -> x.id() == classId).findFirst().orElseThrow();
			List<Map<String, Object>> cis = this.jdbc.queryForList("select id, name from cm_ci where class_id = :c",
					new MapSqlParameterSource("c", classId));
			Map<Long, Map<Long, String>> values = new HashMap<>();
			this.jdbc.query("select v.ci_id, v.attribute_id, v.value_key from cm_value v join cm_ci i on i.id = v.ci_id"
					+ " where i.class_id = :c", new MapSqlParameterSource("c", classId), (rs) -> {
						values.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
							.put(rs.getLong(2), rs.getString(3));
					});
			Map<String, Long> seen = new HashMap<>();
			for (Map<String, Object> ci : cis) {
				long id = ((Number) ci.get("id")).longValue();
				String key = ConfigurationItems.identityKey(c, (String) ci.get("name"),
						values.getOrDefault(id, Map.of()));
				if (seen.put(key, id) != null) {
					throw new Conflict("cmdb.error.identityNotUnique", c.code(), key);
				}
				this.jdbc.update("update cm_ci set identity_key = :key where id = :id",
						new MapSqlParameterSource("key", key).addValue("id", id));
			}
		}
	}

}
