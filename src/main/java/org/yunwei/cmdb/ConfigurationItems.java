package org.yunwei.cmdb;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.platform.search.Search;
import org.yunwei.workitem.ServiceOptions;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Configuration items. IT staff with {@code cmdb:read} read every CI; with
 * {@code cmdb:write} they record and edit the CIs of their groups (or their own), and
 * configuration managers ({@code cmdb:manage}) all of them. Every change of a field is
 * kept in the CI's history with who, when, why and through which change, and in the audit
 * trail. A CI is identified within its class by its identifying attributes (or its name,
 * when the class has none): two CIs of one identity are refused.
 */
@Service
@Transactional
public class ConfigurationItems {

	public static final String READ = "cmdb:read";

	public static final String WRITE = "cmdb:write";

	public static final String MANAGE = "cmdb:manage";

	/** The kind under which CIs are found by the kernel's search. */
	public static final String SEARCH_KIND = "ci";

	static final String RECORD_TYPE = "ci";

	static final int MAX_DEPTH = 6;

	static final int MAX_NODES = 300;

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/\\d{1,2})?");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}(/\\d{1,3})?");

	private static final String ROW_SELECT = "select i.id, i.number, i.name, i.state, i.updated_at, c.code as class_code,"
			+ " c.name_zh as class_zh, c.name_en as class_en, c.icon, u.display_name as owner_name, g.name as group_name,"
			+ " l.name as location_name, s.name as service_name from cm_ci i join cm_class c on c.id = i.class_id"
			+ " left join pf_user u on u.id = i.owner_id left join pf_group g on g.id = i.group_id"
			+ " left join cm_ci l on l.id = i.location_id left join sl_service s on s.id = i.service_id";

	private static final String REF_SELECT = "select i.id, i.number, i.name, i.state, c.code as class_code,"
			+ " c.name_zh as class_zh, c.name_en as class_en, c.icon from cm_ci i join cm_class c on c.id = i.class_id";

	private final NamedParameterJdbcTemplate jdbc;

	private final CiClasses classes;

	private final AccessControl access;

	private final Directory directory;

	private final ServiceOptions services;

	private final Search search;

	private final AuditTrail audit;

	private final WorkItems workItems;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<ChangeAuthority> changes;

	ConfigurationItems(NamedParameterJdbcTemplate jdbc, CiClasses classes, AccessControl access, Directory directory,
			ServiceOptions services, Search search, AuditTrail audit, WorkItems workItems, Clock clock,
			org.springframework.beans.factory.ObjectProvider<ChangeAuthority> changes) {
		this.changes = changes;
		this.workItems = workItems;
		this.jdbc = jdbc;
		this.classes = classes;
		this.access = access;
		this.directory = directory;
		this.services = services;
		this.search = search;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- reading

	/** A page of CIs in name order. */
	@Transactional(readOnly = true)
	public KeysetPage<CiRow> list(CiFilter filter, String after, Integer size) {
		this.access.require(READ);
		int n = KeysetPage.size(size);
		MapSqlParameterSource p = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where 1 = 1");
		if (filter.classCode() != null && !filter.classCode().isBlank()) {
			List<CiClassView> all = this.classes.load();
			CiClassView c = all.stream()
				.filter((x) -> x.code().equals(filter.classCode()))
				.findFirst()
				.orElseThrow(() -> new ValidationFailed("classCode", "cmdb.error.unknownClass", filter.classCode()));
			sql.append(" and i.class_id in (:classes)");
			p.addValue("classes", this.classes.subtree(all, c.id()));
		}
		if (filter.state() != null) {
			sql.append(" and i.state = :state");
			p.addValue("state", filter.state().name());
		}
		else {
			sql.append(" and i.state <> 'RETIRED'");
		}
		optional(sql, p, "i.group_id", "group", filter.groupId());
		optional(sql, p, "i.owner_id", "owner", filter.ownerId());
		optional(sql, p, "i.service_id", "service", filter.serviceId());
		optional(sql, p, "i.location_id", "location", filter.locationId());
		if (filter.q() != null && !filter.q().isBlank()) {
			sql.append(" and (lower(i.name) like :q or lower(i.number) like :q or exists (select 1 from cm_value v"
					+ " where v.ci_id = i.id and v.value_key like :q))");
			p.addValue("q", "%" + like(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		String cursor = KeysetPage.decode(after);
		if (cursor != null) {
			int sep = cursor.lastIndexOf('\u0001');
			if (sep < 0) {
				throw new ValidationFailed("after", "error.cursor");
			}
			try {
				p.addValue("afterName", cursor.substring(0, sep))
					.addValue("afterId", Long.parseLong(cursor.substring(sep + 1)));
			}
			catch (NumberFormatException ex) {
				throw new ValidationFailed("after", "error.cursor");
			}
			sql.append(" and (i.name > :afterName or (i.name = :afterName and i.id > :afterId))");
		}
		sql.append(" order by i.name, i.id fetch first ").append(n + 1).append(" rows only");
		List<CiRow> rows = this.jdbc.query(sql.toString(), p, (rs, i) -> row(rs));
		return KeysetPage.of(rows, n, (r) -> r.name() + '\u0001' + r.id());
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static void optional(StringBuilder sql, MapSqlParameterSource p, String column, String name, Long value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = :").append(name);
			p.addValue(name, value);
		}
	}

	private static CiRow row(ResultSet rs) throws SQLException {
		return new CiRow(rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getString("class_code"),
				rs.getString("class_zh"), rs.getString("class_en"), rs.getString("icon"),
				CiState.valueOf(rs.getString("state")), rs.getString("owner_name"), rs.getString("group_name"),
				rs.getString("location_name"), rs.getString("service_name"),
				Timestamps.instant(rs.getObject("updated_at")));
	}

	private static CiRef ref(ResultSet rs) throws SQLException {
		return new CiRef(rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getString("class_code"),
				rs.getString("class_zh"), rs.getString("class_en"), rs.getString("icon"),
				CiState.valueOf(rs.getString("state")));
	}

	/** A CI by number (or id). */
	@Transactional(readOnly = true)
	public CiView get(String numberOrId) {
		this.access.require(READ);
		return view(find(numberOrId));
	}

	/** CIs by id, as other records show them (unknown ids are left out). */
	@Transactional(readOnly = true)
	public List<CiRef> refs(Collection<Long> ids) {
		this.access.require(READ);
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query(REF_SELECT + " where i.id in (:ids) order by i.name, i.id",
				new MapSqlParameterSource("ids", ids), (rs, i) -> ref(rs));
	}

	/** CIs whose number or name holds the words, for pickers. */
	@Transactional(readOnly = true)
	public List<CiRef> pick(String q, String classCode, int limit) {
		this.access.require(READ);
		MapSqlParameterSource p = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder(REF_SELECT).append(" where i.state <> 'RETIRED'");
		if (q != null && !q.isBlank()) {
			sql.append(" and (lower(i.name) like :q or lower(i.number) like :q)");
			p.addValue("q", "%" + like(q.strip().toLowerCase(Locale.ROOT)) + "%");
		}
		if (classCode != null && !classCode.isBlank()) {
			List<CiClassView> all = this.classes.load();
			all.stream().filter((c) -> c.code().equals(classCode)).findFirst().ifPresent((c) -> {
				sql.append(" and i.class_id in (:classes)");
				p.addValue("classes", this.classes.subtree(all, c.id()));
			});
		}
		sql.append(" order by i.name, i.id fetch first ").append(Math.max(1, Math.min(limit, 50))).append(" rows only");
		return this.jdbc.query(sql.toString(), p, (rs, i) -> ref(rs));
	}

	/** The CIs a person owns or uses, and those of a service, for a ticket's form. */
	@Transactional(readOnly = true)
	public List<CiRef> suggested(Long personId, Long serviceId, int limit) {
		this.access.require(READ);
		if (personId == null && serviceId == null) {
			return List.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("person", personId).addValue("service", serviceId);
		return this.jdbc.query(REF_SELECT + " where i.state <> 'RETIRED' and (i.owner_id = :person"
				+ " or i.service_id = :service) order by case when i.owner_id = :person then 0 else 1 end, i.name, i.id"
				+ " fetch first " + Math.max(1, Math.min(limit, 50)) + " rows only", p, (rs, i) -> ref(rs));
	}

	private Map<String, Object> find(String numberOrId) {
		String key = Objects.requireNonNullElse(numberOrId, "").strip();
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from cm_ci where number = :key" + (key.matches("\\d{1,18}") ? " or id = :id" : ""),
				new MapSqlParameterSource("key", key.toUpperCase(Locale.ROOT)).addValue("id",
						key.matches("\\d{1,18}") ? Long.parseLong(key) : null));
		if (rows.isEmpty()) {
			throw NotFound.of(RECORD_TYPE, numberOrId);
		}
		return rows.get(0);
	}

	private CiView view(Map<String, Object> ci) {
		long id = number(ci.get("id"));
		List<CiClassView> all = this.classes.load();
		CiClassView c = all.stream().filter((x) -> x.id() == number(ci.get("class_id"))).findFirst().orElseThrow();
		Map<Long, String> values = new HashMap<>();
		this.jdbc.query("select attribute_id, value_text from cm_value where ci_id = :id",
				new MapSqlParameterSource("id", id), (rs) -> {
					values.put(rs.getLong(1), rs.getString(2));
				});
		List<CiView.Value> shown = new ArrayList<>();
		for (AttributeView a : c.attributes()) {
			if (a.active() || values.containsKey(a.id())) {
				shown.add(new CiView.Value(a, values.get(a.id())));
			}
		}
		Long owner = longOrNull(ci.get("owner_id"));
		Long group = longOrNull(ci.get("group_id"));
		Long location = longOrNull(ci.get("location_id"));
		Long service = longOrNull(ci.get("service_id"));
		CiView.Ref ownerRef = (owner == null) ? null
				: new CiView.Ref(owner, this.directory.userNames(List.of(owner)).get(owner), null);
		CiView.Ref groupRef = (group == null) ? null
				: new CiView.Ref(group, this.directory.groupNames(List.of(group)).get(group), null);
		CiView.Ref locationRef = null;
		if (location != null) {
			Map<String, Object> l = this.jdbc.queryForMap("select id, number, name from cm_ci where id = :id",
					new MapSqlParameterSource("id", location));
			locationRef = new CiView.Ref(location, (String) l.get("name"), (String) l.get("number"));
		}
		CiView.Ref serviceRef = (service == null) ? null
				: new CiView.Ref(service, this.services.names(List.of(service)).get(service), null);
		return new CiView(id, number(ci.get("version")).intValue(), (String) ci.get("number"), (String) ci.get("name"),
				c, CiState.valueOf((String) ci.get("state")), ownerRef, groupRef, locationRef, serviceRef,
				(String) ci.get("description"), List.copyOf(shown), Timestamps.instant(ci.get("created_at")),
				Timestamps.instant(ci.get("updated_at")));
	}

	// ---- writing

	/** Records a new CI. */
	public CiView create(CiFormData form, ChangeSource source) {
		CurrentUser me = this.access.require(WRITE);
		requireChange(form.getChangeNumber());
		Prepared prepared = prepare(form, null);
		requireWrite(me, form.getGroupId(), form.getOwnerId());
		return view(find(String.valueOf(insert(me, prepared, form, source))));
	}

	/**
	 * Saves a CI: every field that differs goes into its history with the reason and
	 * change given; refused when someone saved since the form was read.
	 */
	public CiView update(String number, CiFormData form, ChangeSource source) {
		CurrentUser me = this.access.require(WRITE);
		Map<String, Object> ci = find(number);
		CiView before = view(ci);
		requireWrite(me, before);
		if (form.getVersion() == null || form.getVersion() != before.version()) {
			throw Conflict.staleVersion(RECORD_TYPE, before.number());
		}
		requireChange(form.getChangeNumber());
		if (form.getClassCode() == null || form.getClassCode().isBlank()) {
			form.setClassCode(before.ciClass().code());
		}
		if (!form.getClassCode().equals(before.ciClass().code())) {
			throw new ValidationFailed("classCode", "cmdb.error.classFixed");
		}
		Prepared prepared = prepare(form, before.id());
		if (!Objects.equals(form.getGroupId(), (before.group() == null) ? null : before.group().id())) {
			requireWrite(me, form.getGroupId(), form.getOwnerId());
		}
		apply(me, before, prepared, form, source);
		return view(find(before.number()));
	}

	/**
	 * An edit that names a change is recorded against it only while the change may update
	 * the CMDB (approved, not yet finished).
	 */
	private void requireChange(String changeNumber) {
		String number = blankToNull(changeNumber);
		ChangeAuthority authority = this.changes.getIfAvailable();
		if (number == null || authority == null) {
			return;
		}
		String refusal = authority.refusal(number);
		if (refusal != null) {
			throw new ValidationFailed("changeNumber", refusal, number);
		}
	}

	/**
	 * The services (CIs of the service class or below it) at or above the CIs in the
	 * impact graph: what a change to them could disrupt. At most 20 CIs are followed.
	 */
	@Transactional(readOnly = true)
	public List<CiRef> servicesAbove(Collection<Long> ciIds) {
		this.access.require(READ);
		List<CiClassView> all = this.classes.load();
		Set<String> serviceClasses = new HashSet<>();
		this.classes.find("service")
			.ifPresent((service) -> this.classes.subtree(all, service.id())
				.forEach(
						(id) -> all.stream().filter((c) -> c.id() == id).forEach((c) -> serviceClasses.add(c.code()))));
		Set<Long> found = new LinkedHashSet<>();
		for (CiRef ci : refs(ciIds.stream().limit(20).toList())) {
			if (serviceClasses.contains(ci.classCode())) {
				found.add(ci.id());
			}
			for (ImpactGraph.Node n : impact(ci.number(), Direction.UP, MAX_DEPTH).impacted()) {
				if (serviceClasses.contains(n.classCode())) {
					found.add(n.id());
				}
			}
		}
		return refs(found);
	}

	/** A CMDB update recorded against a change: which CI, and what changed. */
	public record RecordedUpdate(String ciNumber, String ciName, CiHistoryEntry entry) {
	}

	/** The CMDB updates recorded against a change, oldest first (at most 500). */
	@Transactional(readOnly = true)
	public List<RecordedUpdate> recordedAgainst(String changeNumber) {
		this.access.require(READ);
		return this.jdbc.query(
				"select h.*, i.number as ci_number, i.name as ci_name from cm_history h join cm_ci i on i.id = h.ci_id"
						+ " where h.change_number = :change order by h.id fetch first 500 rows only",
				new MapSqlParameterSource("change", changeNumber),
				(rs, n) -> new RecordedUpdate(rs.getString("ci_number"), rs.getString("ci_name"), historyEntry(rs)));
	}

	/** A CI checked and its values made canonical, ready to write. */
	record Prepared(CiClassView ciClass, String name, Map<Long, String[]> values, String identityKey) {
	}

	/**
	 * Checks a CI as it would be written (type, required, unique and identifying values,
	 * references), collecting every problem; nothing is written.
	 */
	@Transactional(readOnly = true)
	public List<Violation> check(CiFormData form, Long selfId) {
		try {
			prepare(form, selfId);
			return List.of();
		}
		catch (ValidationFailed ex) {
			return ex.violations();
		}
	}

	Prepared prepare(CiFormData form, Long selfId) {
		List<Violation> violations = new ArrayList<>();
		List<CiClassView> all = this.classes.load();
		CiClassView c = (form.getClassCode() == null) ? null
				: all.stream().filter((x) -> x.code().equals(form.getClassCode().strip())).findFirst().orElse(null);
		if (c == null) {
			throw new ValidationFailed("classCode", "cmdb.error.unknownClass", String.valueOf(form.getClassCode()));
		}
		if ((c.abstractClass() || !c.active()) && selfId == null) {
			violations.add(new Violation("classCode", "cmdb.error.classNotUsable", List.of(c.code())));
		}
		String name = (form.getName() == null) ? "" : form.getName().strip();
		if (name.isEmpty()) {
			violations.add(new Violation("name", "cmdb.error.nameRequired", List.of()));
		}
		else if (name.length() > 200) {
			violations.add(new Violation("name", "cmdb.error.tooLong", List.of(200)));
		}
		if (form.getState() == null) {
			violations.add(new Violation("state", "cmdb.error.stateRequired", List.of()));
		}
		if (form.getDescription() != null && form.getDescription().length() > 4000) {
			violations.add(new Violation("description", "cmdb.error.tooLong", List.of(4000)));
		}
		if (form.getOwnerId() != null && !this.directory.isActiveUser(form.getOwnerId())) {
			violations.add(new Violation("ownerId", "cmdb.error.unknownUser", List.of(form.getOwnerId())));
		}
		if (form.getGroupId() != null && !this.directory.isActiveGroup(form.getGroupId())) {
			violations.add(new Violation("groupId", "cmdb.error.unknownGroup", List.of(form.getGroupId())));
		}
		if (form.getServiceId() != null && !this.services.isActive(form.getServiceId())) {
			violations.add(new Violation("serviceId", "cmdb.error.unknownService", List.of(form.getServiceId())));
		}
		if (form.getLocationId() != null) {
			CiClassView location = all.stream().filter((x) -> x.code().equals("location")).findFirst().orElse(null);
			List<Long> locationClasses = (location == null) ? List.of() : this.classes.subtree(all, location.id());
			List<Long> found = this.jdbc.queryForList("select class_id from cm_ci where id = :id",
					new MapSqlParameterSource("id", form.getLocationId()), Long.class);
			if (found.isEmpty() || !locationClasses.contains(found.get(0))
					|| Objects.equals(form.getLocationId(), selfId)) {
				violations.add(new Violation("locationId", "cmdb.error.notALocation", List.of(form.getLocationId())));
			}
		}
		Map<Long, String[]> values = new LinkedHashMap<>();
		Map<String, AttributeView> byCode = new HashMap<>();
		c.activeAttributes().forEach((a) -> byCode.put(a.code(), a));
		for (Map.Entry<String, String> e : form.getAttributes().entrySet()) {
			String field = "attributes[" + e.getKey() + "]";
			AttributeView a = byCode.get(e.getKey());
			if (a == null) {
				if (e.getValue() != null && !e.getValue().isBlank()) {
					violations.add(new Violation(field, "cmdb.error.unknownAttribute", List.of(e.getKey(), c.code())));
				}
				continue;
			}
			if (e.getValue() == null || e.getValue().isBlank()) {
				continue;
			}
			String canonical = canonical(a, e.getValue().strip());
			if (canonical == null) {
				violations.add(new Violation(field, "cmdb.error.badValue." + a.type().name(),
						List.of(a.nameZh(), e.getValue().strip())));
				continue;
			}
			if (canonical.length() > 2000) {
				violations.add(new Violation(field, "cmdb.error.tooLong", List.of(2000)));
				continue;
			}
			values.put(a.id(), new String[] { canonical, key(canonical) });
		}
		for (AttributeView a : c.activeAttributes()) {
			String field = "attributes[" + a.code() + "]";
			String[] v = values.get(a.id());
			if (v == null) {
				if (a.required() && violations.stream().noneMatch((x) -> x.field().equals(field))) {
					violations.add(new Violation(field, "cmdb.error.required", List.of(a.nameZh())));
				}
				continue;
			}
			if (a.unique() || a.identifying()) {
				List<String> other = this.jdbc.queryForList(
						"select i.number from cm_value v join cm_ci i on i.id = v.ci_id where v.attribute_id = :attr"
								+ " and v.value_key = :key and v.ci_id <> :self fetch first 1 rows only",
						new MapSqlParameterSource("attr", a.id()).addValue("key", v[1])
							.addValue("self", (selfId == null) ? -1L : selfId),
						String.class);
				if (!other.isEmpty()) {
					violations
						.add(new Violation(field, "cmdb.error.notUnique", List.of(a.nameZh(), v[0], other.get(0))));
				}
			}
		}
		Map<Long, String> keys = new HashMap<>();
		values.forEach((id, v) -> keys.put(id, v[1]));
		String identity = identityKey(c, name, keys);
		if (violations.isEmpty()) {
			List<String> same = this.jdbc.queryForList(
					"select number from cm_ci where class_id = :class and identity_key = :key and id <> :self"
							+ " fetch first 1 rows only",
					new MapSqlParameterSource("class", c.id()).addValue("key", identity)
						.addValue("self", (selfId == null) ? -1L : selfId),
					String.class);
			if (!same.isEmpty()) {
				violations.add(new Violation(
						c.identifying().isEmpty() ? "name" : "attributes[" + c.identifying().get(0).code() + "]",
						"cmdb.error.sameIdentity", List.of(same.get(0))));
			}
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
		return new Prepared(c, name, values, identity);
	}

	/** The identity of a CI within its class: its identifying values, else its name. */
	static String identityKey(CiClassView c, String name, Map<Long, String> valueKeys) {
		List<AttributeView> identifying = c.identifying();
		if (identifying.isEmpty()) {
			return "name:" + key(name);
		}
		StringBuilder b = new StringBuilder();
		for (AttributeView a : identifying) {
			b.append(a.code()).append('=').append(Objects.requireNonNullElse(valueKeys.get(a.id()), "")).append(';');
		}
		return (b.length() > 600) ? b.substring(0, 600) : b.toString();
	}

	static String key(String canonical) {
		String k = canonical.strip().toLowerCase(Locale.ROOT);
		return (k.length() > 500) ? k.substring(0, 500) : k;
	}

	/** The value as stored, or null when it does not fit the type. */
	static String canonical(AttributeView a, String raw) {
		switch (a.type()) {
			case NUMBER -> {
				try {
					return new BigDecimal(raw.replace(",", "")).stripTrailingZeros().toPlainString();
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
			case DATE -> {
				try {
					return LocalDate.parse(raw.replace('/', '-').replace('.', '-')).toString();
				}
				catch (DateTimeParseException ex) {
					return null;
				}
			}
			case BOOLEAN -> {
				String v = raw.toLowerCase(Locale.ROOT);
				if (Set.of("true", "yes", "y", "1", "是").contains(v)) {
					return "true";
				}
				if (Set.of("false", "no", "n", "0", "否").contains(v)) {
					return "false";
				}
				return null;
			}
			case CHOICE -> {
				return a.choices()
					.stream()
					.filter((c) -> c.value().equalsIgnoreCase(raw) || raw.equalsIgnoreCase(c.labelEn()))
					.map(AttributeView.Choice::value)
					.findFirst()
					.orElse(null);
			}
			case IP -> {
				return (IPV4.matcher(raw).matches() || (raw.contains(":") && IPV6.matcher(raw).matches()))
						? raw.toLowerCase(Locale.ROOT) : null;
			}
			default -> {
				return raw;
			}
		}
	}

	private long insert(CurrentUser me, Prepared prepared, CiFormData form, ChangeSource source) {
		Instant now = this.clock.instant();
		Long seq = this.jdbc.getJdbcTemplate().queryForObject("select nextval('cm_ci_seq')", Long.class);
		String number = String.format("CI-%06d", seq);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into cm_ci (version, number, class_id, name, state, owner_id, group_id, location_id, service_id,"
						+ " description, identity_key, created_by, created_at, updated_by, updated_at) values (0, :number,"
						+ " :class, :name, :state, :owner, :group, :location, :service, :description, :identity, :me,"
						+ " :now, :me, :now)",
				fields(prepared, form).addValue("number", number)
					.addValue("class", prepared.ciClass().id())
					.addValue("me", me.id())
					.addValue("now", Timestamps.utc(now)),
				keys, new String[] { "id" });
		long id = keys.getKey().longValue();
		writeValues(id, prepared.values(), Map.of());
		history(id, me, now, "created", null, prepared.name(), form, source);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RECORD_TYPE, id, number + " " + prepared.name())
			.withChange("class", null, prepared.ciClass().code())
			.withChange("source", null, source));
		this.search.changed(SEARCH_KIND, id);
		return id;
	}

	private static MapSqlParameterSource fields(Prepared prepared, CiFormData form) {
		return new MapSqlParameterSource("name", prepared.name()).addValue("state", form.getState().name())
			.addValue("owner", form.getOwnerId())
			.addValue("group", form.getGroupId())
			.addValue("location", form.getLocationId())
			.addValue("service", form.getServiceId())
			.addValue("description",
					(form.getDescription() == null || form.getDescription().isBlank()) ? null
							: form.getDescription().strip())
			.addValue("identity", prepared.identityKey());
	}

	private void writeValues(long ciId, Map<Long, String[]> values, Map<Long, String> before) {
		MapSqlParameterSource p = new MapSqlParameterSource("ci", ciId);
		for (Long attr : before.keySet()) {
			if (!values.containsKey(attr)) {
				this.jdbc.update("delete from cm_value where ci_id = :ci and attribute_id = :attr",
						new MapSqlParameterSource("ci", ciId).addValue("attr", attr));
			}
		}
		values.forEach((attr, v) -> {
			if (v[0].equals(before.get(attr))) {
				return;
			}
			MapSqlParameterSource q = new MapSqlParameterSource(p.getValues()).addValue("attr", attr)
				.addValue("text", v[0])
				.addValue("key", v[1]);
			if (before.containsKey(attr)) {
				this.jdbc.update("update cm_value set value_text = :text, value_key = :key where ci_id = :ci"
						+ " and attribute_id = :attr", q);
			}
			else {
				this.jdbc.update("insert into cm_value (ci_id, attribute_id, value_text, value_key)"
						+ " values (:ci, :attr, :text, :key)", q);
			}
		});
	}

	private void apply(CurrentUser me, CiView before, Prepared prepared, CiFormData form, ChangeSource source) {
		Instant now = this.clock.instant();
		Map<String, String[]> changes = changes(before, prepared, form);
		if (changes.isEmpty()) {
			return;
		}
		Map<Long, String> oldValues = new HashMap<>();
		for (CiView.Value v : before.values()) {
			if (v.value() != null) {
				oldValues.put(v.attribute().id(), v.value());
			}
		}
		write(me, now, before, prepared, form, source, changes, oldValues);
	}

	/** What saving the form would change: field → [before, after]. */
	private Map<String, String[]> changes(CiView before, Prepared prepared, CiFormData form) {
		Map<String, String[]> changes = new LinkedHashMap<>();
		diff(changes, "name", before.name(), prepared.name());
		diff(changes, "state", before.state().name(), form.getState().name());
		diff(changes, "owner", (before.owner() == null) ? null : before.owner().name(), (form.getOwnerId() == null)
				? null : this.directory.userNames(List.of(form.getOwnerId())).get(form.getOwnerId()));
		diff(changes, "group", (before.group() == null) ? null : before.group().name(), (form.getGroupId() == null)
				? null : this.directory.groupNames(List.of(form.getGroupId())).get(form.getGroupId()));
		diff(changes, "location", (before.location() == null) ? null : before.location().name(),
				(form.getLocationId() == null) ? null : refs(List.of(form.getLocationId())).get(0).name());
		diff(changes, "service", (before.service() == null) ? null : before.service().name(),
				(form.getServiceId() == null) ? null
						: this.services.names(List.of(form.getServiceId())).get(form.getServiceId()));
		String description = (form.getDescription() == null || form.getDescription().isBlank()) ? null
				: form.getDescription().strip();
		diff(changes, "description", before.description(), description);
		for (CiView.Value v : before.values()) {
			String[] next = prepared.values().get(v.attribute().id());
			diff(changes, "attr:" + v.attribute().code(), v.value(), (next == null) ? null : next[0]);
		}
		return changes;
	}

	private void write(CurrentUser me, Instant now, CiView before, Prepared prepared, CiFormData form,
			ChangeSource source, Map<String, String[]> changes, Map<Long, String> oldValues) {
		this.jdbc.update("update cm_ci set version = version + 1, name = :name, state = :state, owner_id = :owner,"
				+ " group_id = :group, location_id = :location, service_id = :service, description = :description,"
				+ " identity_key = :identity, updated_by = :me, updated_at = :now where id = :id",
				fields(prepared, form).addValue("id", before.id())
					.addValue("me", me.id())
					.addValue("now", Timestamps.utc(now)));
		writeValues(before.id(), prepared.values(), oldValues);
		AuditEvent event = AuditEvent.of(AuditAction.UPDATE, RECORD_TYPE, before.id(),
				before.number() + " " + prepared.name());
		for (Map.Entry<String, String[]> c : changes.entrySet()) {
			history(before.id(), me, now, c.getKey(), c.getValue()[0], c.getValue()[1], form, source);
			event = event.withChange(c.getKey(), c.getValue()[0], c.getValue()[1]);
		}
		this.audit.record(event.withChange("source", null, source));
		this.search.changed(SEARCH_KIND, before.id());
	}

	private static void diff(Map<String, String[]> changes, String field, String before, String after) {
		if (!Objects.equals(before, after)) {
			changes.put(field, new String[] { before, after });
		}
	}

	private void history(long ciId, CurrentUser me, Instant at, String field, String before, String after,
			CiFormData form, ChangeSource source) {
		history(ciId, me, at, field, before, after, form.getReason(), form.getChangeNumber(), source);
	}

	private void history(long ciId, CurrentUser me, Instant at, String field, String before, String after,
			String reason, String changeNumber, ChangeSource source) {
		this.jdbc.update(
				"insert into cm_history (ci_id, occurred_at, actor_id, actor_name, field, before_value, after_value,"
						+ " reason, change_number, source) values (:ci, :at, :me, :name, :field, :before, :after,"
						+ " :reason, :change, :source)",
				new MapSqlParameterSource("ci", ciId).addValue("at", Timestamps.utc(at))
					.addValue("me", me.id())
					.addValue("name", me.displayName())
					.addValue("field", field)
					.addValue("before", cut(before, 2000))
					.addValue("after", cut(after, 2000))
					.addValue("reason", cut(blankToNull(reason), 1000))
					.addValue("change", cut(blankToNull(changeNumber), 40))
					.addValue("source", source.name()));
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String cut(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

	private void requireWrite(CurrentUser me, CiView ci) {
		requireWrite(me, (ci.group() == null) ? null : ci.group().id(), (ci.owner() == null) ? null : ci.owner().id());
	}

	private void requireWrite(CurrentUser me, Long groupId, Long ownerId) {
		if (!mayWrite(me, groupId, ownerId)) {
			throw new Forbidden("cmdb.error.notYours");
		}
	}

	/** Managers edit every CI; others with write those of their groups or their own. */
	public boolean mayWrite(CurrentUser me, Long groupId, Long ownerId) {
		if (me.has(MANAGE) || me.scope(WRITE) == RecordScope.ALL) {
			return true;
		}
		if (!me.has(WRITE)) {
			return false;
		}
		return (groupId != null && me.groupIds().contains(groupId)) || Objects.equals(ownerId, me.id());
	}

	/** Whether the signed-in user may edit this CI. */
	@Transactional(readOnly = true)
	public boolean mayWrite(CiView ci) {
		return this.access.current()
			.map((me) -> mayWrite(me, (ci.group() == null) ? null : ci.group().id(),
					(ci.owner() == null) ? null : ci.owner().id()))
			.orElse(false);
	}

	// ---- reconciliation

	/**
	 * The CI of the same class and identity as the form describes (its identifying
	 * values, else its name), if one is recorded.
	 */
	@Transactional(readOnly = true)
	public Optional<CiView> identify(CiFormData form) {
		this.access.require(READ);
		CiClassView c = classOf(form);
		Map<Long, String> keys = identifyingKeys(c, form);
		String name = (form.getName() == null) ? "" : form.getName().strip();
		if (c.identifying().isEmpty() ? name.isEmpty() : keys.size() < c.identifying().size()) {
			return Optional.empty();
		}
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from cm_ci where class_id = :class and identity_key = :key",
				new MapSqlParameterSource("class", c.id()).addValue("key", identityKey(c, name, keys)));
		return rows.isEmpty() ? Optional.empty() : Optional.of(view(rows.get(0)));
	}

	private CiClassView classOf(CiFormData form) {
		return this.classes.load()
			.stream()
			.filter((x) -> x.code().equals(Objects.requireNonNullElse(form.getClassCode(), "").strip()))
			.findFirst()
			.orElseThrow(() -> new ValidationFailed("classCode", "cmdb.error.unknownClass",
					String.valueOf(form.getClassCode())));
	}

	/** The keys of the identifying values the form gives (those that fit their type). */
	private static Map<Long, String> identifyingKeys(CiClassView c, CiFormData form) {
		Map<Long, String> keys = new HashMap<>();
		for (AttributeView a : c.identifying()) {
			String raw = form.getAttributes().get(a.code());
			String canonical = (raw == null || raw.isBlank()) ? null : canonical(a, raw.strip());
			if (canonical != null) {
				keys.put(a.id(), key(canonical));
			}
		}
		return keys;
	}

	/** The identity a form describes within its class, as reconciliation compares it. */
	@Transactional(readOnly = true)
	public String identityOf(CiFormData form) {
		CiClassView c = classOf(form);
		return identityKey(c, (form.getName() == null) ? "" : form.getName().strip(), identifyingKeys(c, form));
	}

	/**
	 * What saving the form onto a recorded CI would change (field → [before, after]),
	 * after checking it as a save would; nothing is written.
	 */
	@Transactional(readOnly = true)
	public Map<String, String[]> differences(CiView existing, CiFormData form) {
		this.access.require(READ);
		Prepared prepared = prepare(form, existing.id());
		return changes(existing, prepared, form);
	}

	/** A location CI by its number, code or name. */
	@Transactional(readOnly = true)
	public Optional<Long> location(String numberOrName) {
		if (numberOrName == null || numberOrName.isBlank()) {
			return Optional.empty();
		}
		List<CiClassView> all = this.classes.load();
		CiClassView location = all.stream().filter((x) -> x.code().equals("location")).findFirst().orElse(null);
		if (location == null) {
			return Optional.empty();
		}
		String v = numberOrName.strip();
		List<Long> ids = this.jdbc.queryForList(
				"select i.id from cm_ci i where i.class_id in (:classes) and (i.number = :upper or i.name = :v"
						+ " or exists (select 1 from cm_value x join cm_attribute a on a.id = x.attribute_id"
						+ " where x.ci_id = i.id and a.code = 'location_code' and x.value_key = :key))"
						+ " order by i.id fetch first 2 rows only",
				new MapSqlParameterSource("classes", this.classes.subtree(all, location.id()))
					.addValue("upper", v.toUpperCase(Locale.ROOT))
					.addValue("v", v)
					.addValue("key", key(v)),
				Long.class);
		return (ids.size() == 1) ? Optional.of(ids.get(0)) : Optional.empty();
	}

	// ---- relations

	@Transactional(readOnly = true)
	public List<RelationTypeView> relationTypes() {
		this.access.require(READ);
		return this.jdbc.query("select * from cm_relation_type order by position, id", new MapSqlParameterSource(),
				(rs, i) -> new RelationTypeView(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
						rs.getString("name_en"), rs.getString("reverse_zh"), rs.getString("reverse_en"),
						rs.getBoolean("propagates")));
	}

	/** The CI's relations, outgoing first. */
	@Transactional(readOnly = true)
	public List<RelationView> relations(String number) {
		this.access.require(READ);
		long id = number(find(number).get("id"));
		Map<Long, RelationTypeView> types = new HashMap<>();
		relationTypes().forEach((t) -> types.put(t.id(), t));
		List<long[]> raw = new ArrayList<>();
		List<Instant> at = new ArrayList<>();
		this.jdbc.query(
				"select id, type_id, source_id, target_id, created_at from cm_relation"
						+ " where source_id = :id or target_id = :id order by id",
				new MapSqlParameterSource("id", id), (rs) -> {
					raw.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) });
					at.add(Timestamps.instant(rs.getObject(5)));
				});
		Set<Long> others = new HashSet<>();
		raw.forEach((r) -> others.add((r[2] == id) ? r[3] : r[2]));
		Map<Long, CiRef> refs = new HashMap<>();
		refs(others).forEach((r) -> refs.put(r.id(), r));
		List<RelationView> out = new ArrayList<>();
		for (int i = 0; i < raw.size(); i++) {
			long[] r = raw.get(i);
			RelationTypeView t = types.get(r[1]);
			boolean outgoing = r[2] == id;
			out.add(new RelationView(r[0], t.code(), outgoing ? t.nameZh() : t.reverseZh(),
					outgoing ? t.nameEn() : t.reverseEn(), outgoing, refs.get(outgoing ? r[3] : r[2]), at.get(i)));
		}
		out.sort(java.util.Comparator.comparing((RelationView r) -> !r.outgoing())
			.thenComparing((r) -> r.other().name()));
		return out;
	}

	/** Relates the CI (source) to another (target): "this runs on that". */
	public RelationView relate(String number, String typeCode, String targetNumber, String reason, String changeNumber,
			ChangeSource source) {
		CurrentUser me = this.access.require(WRITE);
		CiView ci = view(find(number));
		requireWrite(me, ci);
		requireChange(changeNumber);
		RelationTypeView type = relationTypes().stream()
			.filter((t) -> t.code().equals(typeCode))
			.findFirst()
			.orElseThrow(
					() -> new ValidationFailed("type", "cmdb.error.unknownRelationType", String.valueOf(typeCode)));
		Map<String, Object> target;
		try {
			target = find(targetNumber);
		}
		catch (NotFound ex) {
			throw new ValidationFailed("target", "cmdb.error.unknownCi", String.valueOf(targetNumber));
		}
		long targetId = number(target.get("id"));
		if (targetId == ci.id()) {
			throw new ValidationFailed("target", "cmdb.error.selfRelation");
		}
		MapSqlParameterSource p = new MapSqlParameterSource("type", type.id()).addValue("source", ci.id())
			.addValue("target", targetId)
			.addValue("me", me.id())
			.addValue("now", Timestamps.utc(this.clock.instant()));
		Integer exists = this.jdbc.queryForObject("select count(*) from cm_relation where type_id = :type"
				+ " and source_id = :source and target_id = :target", p, Integer.class);
		if (exists != null && exists > 0) {
			throw new Conflict("cmdb.error.relationExists", ci.number(), type.nameZh(), target.get("number"));
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update("insert into cm_relation (type_id, source_id, target_id, created_by, created_at)"
				+ " values (:type, :source, :target, :me, :now)", p, keys, new String[] { "id" });
		String text = type.nameZh() + " " + target.get("number") + " " + target.get("name");
		Instant now = this.clock.instant();
		history(ci.id(), me, now, "relation", null, text, reason, changeNumber, source);
		history(targetId, me, now, "relation", null, type.reverseZh() + " " + ci.number() + " " + ci.name(), reason,
				changeNumber, source);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "ciRelation", keys.getKey().longValue(),
				ci.number() + " " + type.code() + " " + target.get("number")));
		this.search.changed(SEARCH_KIND, ci.id());
		CiRef other = refs(List.of(targetId)).get(0);
		return new RelationView(keys.getKey().longValue(), type.code(), type.nameZh(), type.nameEn(), true, other,
				this.clock.instant());
	}

	/** Removes a relation of the CI. */
	public void unrelate(String number, long relationId, String reason, String changeNumber, ChangeSource source) {
		CurrentUser me = this.access.require(WRITE);
		CiView ci = view(find(number));
		requireWrite(me, ci);
		requireChange(changeNumber);
		RelationView r = relations(ci.number()).stream()
			.filter((x) -> x.id() == relationId)
			.findFirst()
			.orElseThrow(() -> NotFound.of("ciRelation", relationId));
		this.jdbc.update("delete from cm_relation where id = :id", new MapSqlParameterSource("id", relationId));
		Instant now = this.clock.instant();
		history(ci.id(), me, now, "relation", r.labelZh() + " " + r.other().number() + " " + r.other().name(), null,
				reason, changeNumber, source);
		history(r.other().id(), me, now, "relation", "— " + ci.number() + " " + ci.name(), null, reason, changeNumber,
				source);
		this.audit.record(AuditEvent.of(AuditAction.DELETE, "ciRelation", relationId,
				ci.number() + " " + r.typeCode() + " " + r.other().number()));
	}

	// ---- impact

	/** Which way to walk the graph from a CI. */
	public enum Direction {

		/** What is impacted if it fails. */
		UP,
		/** What it runs on. */
		DOWN, BOTH

	}

	/**
	 * The CIs around one, up to {@code depth} hops: up along relations that propagate a
	 * failure (and to the CIs at a location), down to what it runs on (and where it is).
	 */
	@Transactional(readOnly = true)
	public ImpactGraph impact(String number, Direction direction, int depth) {
		this.access.require(READ);
		long root = number(find(number).get("id"));
		int hops = Math.max(1, Math.min(depth, MAX_DEPTH));
		Map<Long, Integer> depthOf = new LinkedHashMap<>();
		depthOf.put(root, 0);
		Set<String> edgeKeys = new LinkedHashSet<>();
		List<ImpactGraph.Edge> edges = new ArrayList<>();
		Map<Long, RelationTypeView> types = new HashMap<>();
		relationTypes().forEach((t) -> types.put(t.id(), t));
		boolean truncated = false;
		for (int sign : (direction == Direction.BOTH) ? new int[] { -1, 1 }
				: new int[] { (direction == Direction.UP) ? -1 : 1 }) {
			Set<Long> frontier = Set.of(root);
			for (int hop = 1; hop <= hops && !frontier.isEmpty() && !truncated; hop++) {
				Set<Long> next = new LinkedHashSet<>();
				for (List<Long> chunk : chunks(frontier)) {
					MapSqlParameterSource p = new MapSqlParameterSource("ids", chunk);
					String column = (sign < 0) ? "target_id" : "source_id";
					List<long[]> rels = new ArrayList<>();
					this.jdbc.query(
							"select r.type_id, r.source_id, r.target_id from cm_relation r join cm_relation_type t"
									+ " on t.id = r.type_id where t.propagates = true and r." + column + " in (:ids)",
							p, (rs) -> {
								rels.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
							});
					for (long[] r : rels) {
						RelationTypeView t = types.get(r[0]);
						if (edgeKeys.add(r[1] + ">" + r[2] + ":" + t.code())) {
							edges.add(new ImpactGraph.Edge(r[1], r[2], t.code(), t.nameZh(), t.nameEn()));
						}
						next.add((sign < 0) ? r[1] : r[2]);
					}
					String located = (sign < 0) ? "select id, location_id from cm_ci where location_id in (:ids)"
							: "select id, location_id from cm_ci where id in (:ids) and location_id is not null";
					this.jdbc.query(located, p, (rs) -> {
						long ci = rs.getLong(1);
						long location = rs.getLong(2);
						if (edgeKeys.add(ci + ">" + location + ":located")) {
							edges.add(new ImpactGraph.Edge(ci, location, "located_in", "位于", "is located in"));
						}
						next.add((sign < 0) ? ci : location);
					});
				}
				Set<Long> fresh = new LinkedHashSet<>();
				for (Long id : next) {
					if (!depthOf.containsKey(id)) {
						if (depthOf.size() >= MAX_NODES) {
							truncated = true;
							break;
						}
						depthOf.put(id, sign * hop);
						fresh.add(id);
					}
				}
				frontier = fresh;
			}
		}
		Map<Long, CiRef> refs = new HashMap<>();
		for (List<Long> chunk : chunks(depthOf.keySet())) {
			refs(chunk).forEach((r) -> refs.put(r.id(), r));
		}
		List<ImpactGraph.Node> nodes = new ArrayList<>();
		depthOf.forEach((id, d) -> {
			CiRef r = refs.get(id);
			nodes.add(new ImpactGraph.Node(id, r.number(), r.name(), r.classCode(), r.classNameZh(), r.classNameEn(),
					r.icon(), r.state(), d));
		});
		List<ImpactGraph.Edge> kept = edges.stream()
			.filter((e) -> depthOf.containsKey(e.source()) && depthOf.containsKey(e.target()))
			.toList();
		return new ImpactGraph(root, nodes, kept, truncated);
	}

	private static List<List<Long>> chunks(Collection<Long> ids) {
		List<Long> all = new ArrayList<>(ids);
		List<List<Long>> out = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 1000) {
			out.add(all.subList(i, Math.min(all.size(), i + 1000)));
		}
		return out;
	}

	// ---- on records

	/**
	 * The incidents, problems, changes … that name this CI, as far as the caller may read
	 * them.
	 */
	@Transactional(readOnly = true)
	public List<WorkItemRow> records(String number, int limit) {
		this.access.require(READ);
		return this.workItems.linkedToCis(List.of(number(find(number).get("id"))), limit);
	}

	/**
	 * Names a CI on a record one works on (through the kernel's edit, so it is
	 * journalled).
	 */
	public WorkItemView addToRecord(long itemId, String ciNumber) {
		this.access.require(READ);
		WorkItemView item = this.workItems.get(String.valueOf(itemId));
		long ciId = number(find(ciNumber).get("id"));
		if (item.ciIds().contains(ciId)) {
			return item;
		}
		WorkItemFormData form = WorkItemFormData.of(item, this.workItems.zone());
		form.getCiIds().add(ciId);
		return this.workItems.update(item.id(), form);
	}

	public WorkItemView removeFromRecord(long itemId, long ciId) {
		this.access.require(READ);
		WorkItemView item = this.workItems.get(String.valueOf(itemId));
		if (!item.ciIds().contains(ciId)) {
			return item;
		}
		WorkItemFormData form = WorkItemFormData.of(item, this.workItems.zone());
		form.getCiIds().remove(ciId);
		return this.workItems.update(item.id(), form);
	}

	// ---- history

	/** The CI's history, newest first. */
	@Transactional(readOnly = true)
	public List<CiHistoryEntry> history(String number, int limit) {
		this.access.require(READ);
		long id = number(find(number).get("id"));
		return this.jdbc.query(
				"select * from cm_history where ci_id = :id order by id desc fetch first "
						+ Math.max(1, Math.min(limit, 500)) + " rows only",
				new MapSqlParameterSource("id", id), (rs, i) -> historyEntry(rs));
	}

	private static CiHistoryEntry historyEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CiHistoryEntry(rs.getLong("id"), Timestamps.instant(rs.getObject("occurred_at")),
				rs.getString("actor_name"), rs.getString("field"), rs.getString("before_value"),
				rs.getString("after_value"), rs.getString("reason"), rs.getString("change_number"),
				ChangeSource.valueOf(rs.getString("source")));
	}

	// ---- for the search index (read by the system)

	/** A CI as the search index holds it. */
	public record Indexed(long id, String number, String name, String classZh, String classEn, String state,
			String description, String values, Long ownerId, Long groupId, Instant updatedAt) {
	}

	@Transactional(readOnly = true)
	public List<Indexed> indexed(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, StringBuilder> values = new HashMap<>();
		this.jdbc.query("select ci_id, value_text from cm_value where ci_id in (:ids)",
				new MapSqlParameterSource("ids", ids), (rs) -> {
					values.computeIfAbsent(rs.getLong(1), (k) -> new StringBuilder())
						.append(rs.getString(2))
						.append(' ');
				});
		return this.jdbc.query(
				"select i.*, c.name_zh as class_zh, c.name_en as class_en from cm_ci i join cm_class c"
						+ " on c.id = i.class_id where i.id in (:ids)",
				new MapSqlParameterSource("ids", ids),
				(rs, i) -> new Indexed(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
						rs.getString("class_zh"), rs.getString("class_en"), rs.getString("state"),
						rs.getString("description"),
						Optional.ofNullable(values.get(rs.getLong("id"))).map(StringBuilder::toString).orElse(""),
						rs.getObject("owner_id", Long.class), rs.getObject("group_id", Long.class),
						Timestamps.instant(rs.getObject("updated_at"))));
	}

	@Transactional(readOnly = true)
	public List<Long> ids(long after, int limit) {
		return this.jdbc.queryForList(
				"select id from cm_ci where id > :after order by id fetch first " + Math.max(1, limit) + " rows only",
				new MapSqlParameterSource("after", after), Long.class);
	}

	@Transactional(readOnly = true)
	public long count() {
		Long n = this.jdbc.getJdbcTemplate().queryForObject("select count(*) from cm_ci", Long.class);
		return (n == null) ? 0 : n;
	}

	private static Long number(Object value) {
		return ((Number) value).longValue();
	}

	private static Long longOrNull(Object value) {
		return (value == null) ? null : ((Number) value).longValue();
	}

}
