package org.yunwei.cmdb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;

/**
 * Configuration baselines and audits (8.3.5 d, e). A baseline freezes the CIs of a scope
 * (all, a class with those below it, or a service) as they are recorded; an audit
 * compares the CMDB with it: CIs added, removed and every field changed, each difference
 * authorised only when every recorded change of that field since the baseline names the
 * change it was made under — a difference with none (an out-of-band edit, or one the
 * history does not explain) is an unauthorised change. The audit's report shows state,
 * location and version changes among the rest, and its share of accurate CIs feeds
 * 8.3.5-1.
 */
@Service
@Transactional
public class ConfigurationAudits {

	private final NamedParameterJdbcTemplate jdbc;

	private final CiClasses classes;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.yunwei.platform.identity.Directory directory;

	private final org.yunwei.workitem.ServiceOptions services;

	private final org.springframework.beans.factory.ObjectProvider<ChangeAuthority> changes;

	ConfigurationAudits(NamedParameterJdbcTemplate jdbc, CiClasses classes, AccessControl access, AuditTrail audit,
			Clock clock, org.yunwei.platform.identity.Directory directory, org.yunwei.workitem.ServiceOptions services,
			org.springframework.beans.factory.ObjectProvider<ChangeAuthority> changes) {
		this.changes = changes;
		this.directory = directory;
		this.services = services;
		this.jdbc = jdbc;
		this.classes = classes;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A baseline and its audits. */
	public record Baseline(long id, String name, String classCode, Long serviceId, String serviceName, int ciCount,
			String takenBy, Instant takenAt, List<AuditSummary> audits) {
	}

	/** An audit's figures. */
	public record AuditSummary(long id, long baselineId, String baselineName, String performedBy, Instant performedAt,
			int checked, int accurate, int added, int removed, int changed, int unauthorised) {

		/** Accurate CIs as a share of those checked, in per cent. */
		public Double accuracy() {
			return (this.checked == 0) ? null : Math.round(1000.0 * this.accurate / this.checked) / 10.0;
		}

	}

	/** A difference an audit found. */
	public record Finding(long id, long ciId, String number, String name, String kind, String field, String before,
			String after, boolean authorised, String changeNumber) {
	}

	/** An audit with its findings. */
	public record AuditReport(AuditSummary summary, List<Finding> findings) {

		/** The state, location and version changes (8.3.5 e). */
		public List<Finding> statusLocationVersion() {
			return this.findings.stream()
				.filter((f) -> f.field() != null
						&& (f.field().equals("state") || f.field().equals("location") || f.field().contains("version")))
				.toList();
		}

	}

	// ---- baselines

	/** Freezes the CIs of the scope (retired ones aside). */
	public Baseline take(String name, String classCode, Long serviceId) {
		CurrentUser me = this.access.require(ConfigurationItems.MANAGE);
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new ValidationFailed("name", "cmdb.error.baselineName");
		}
		List<CiClassView> all = this.classes.load();
		Long classId = null;
		List<Long> scope = null;
		if (classCode != null && !classCode.isBlank()) {
			CiClassView c = all.stream()
				.filter((x) -> x.code().equals(classCode))
				.findFirst()
				.orElseThrow(() -> new ValidationFailed("classCode", "cmdb.error.unknownClass", classCode));
			classId = c.id();
			scope = this.classes.subtree(all, c.id());
		}
		Map<Long, String> snapshots = snapshots(scope, serviceId, null);
		Instant now = this.clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into cm_baseline (name, class_id, service_id, ci_count, taken_by, taken_at)"
						+ " values (:name, :class, :service, :count, :me, :now)",
				new MapSqlParameterSource("name", name.strip()).addValue("class", classId)
					.addValue("service", serviceId)
					.addValue("count", snapshots.size())
					.addValue("me", me.id())
					.addValue("now", Timestamps.utc(now)),
				keys, new String[] { "id" });
		long id = keys.getKey().longValue();
		List<MapSqlParameterSource> batch = new ArrayList<>();
		snapshots.forEach((ci, snapshot) -> batch
			.add(new MapSqlParameterSource("b", id).addValue("ci", ci).addValue("s", snapshot)));
		if (!batch.isEmpty()) {
			this.jdbc.batchUpdate("insert into cm_baseline_item (baseline_id, ci_id, snapshot) values (:b, :ci, :s)",
					batch.toArray(new MapSqlParameterSource[0]));
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "ciBaseline", id, name.strip())
			.withChange("cis", null, snapshots.size()));
		return baseline(id);
	}

	@Transactional(readOnly = true)
	public List<Baseline> baselines() {
		this.access.require(ConfigurationItems.READ);
		return this.jdbc
			.queryForList("select id from cm_baseline order by taken_at desc, id desc fetch first 100 rows only",
					new MapSqlParameterSource(), Long.class)
			.stream()
			.map(this::baseline)
			.toList();
	}

	@Transactional(readOnly = true)
	public Baseline baseline(long id) {
		this.access.require(ConfigurationItems.READ);
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select b.*, c.code as class_code, s.name as service_name, u.display_name from cm_baseline b"
						+ " left join cm_class c on c.id = b.class_id left join sl_service s on s.id = b.service_id"
						+ " left join pf_user u on u.id = b.taken_by where b.id = :id",
				new MapSqlParameterSource("id", id));
		if (rows.isEmpty()) {
			throw NotFound.of("ciBaseline", id);
		}
		Map<String, Object> b = rows.get(0);
		return new Baseline(id, (String) b.get("name"), (String) b.get("class_code"),
				(b.get("service_id") == null) ? null : ((Number) b.get("service_id")).longValue(),
				(String) b.get("service_name"), ((Number) b.get("ci_count")).intValue(), (String) b.get("display_name"),
				Timestamps.instant(b.get("taken_at")),
				summaries("a.baseline_id = :id", new MapSqlParameterSource("id", id)));
	}

	// ---- audits

	/** Compares the CMDB with the baseline now, and keeps what it found. */
	public AuditReport run(long baselineId) {
		CurrentUser me = this.access.require(ConfigurationItems.MANAGE);
		Baseline b = baseline(baselineId);
		Map<Long, String> then = new HashMap<>();
		this.jdbc.query("select ci_id, snapshot from cm_baseline_item where baseline_id = :b",
				new MapSqlParameterSource("b", baselineId), (rs) -> {
					then.put(rs.getLong(1), rs.getString(2));
				});
		List<Long> scope = null;
		if (b.classCode() != null) {
			List<CiClassView> all = this.classes.load();
			scope = this.classes.subtree(all,
					all.stream().filter((c) -> c.code().equals(b.classCode())).findFirst().orElseThrow().id());
		}
		Map<Long, String> now = snapshots(scope, b.serviceId(), then.keySet());
		List<Object[]> findings = new ArrayList<>();
		int accurate = 0;
		int added = 0;
		int removed = 0;
		int changed = 0;
		int unauthorised = 0;
		for (Map.Entry<Long, String> e : then.entrySet()) {
			String current = now.get(e.getKey());
			if (current == null) {
				removed++;
				findings.add(new Object[] { e.getKey(), "REMOVED", null, null, null, false, null });
				continue;
			}
			Map<String, String> before = parse(e.getValue());
			Map<String, String> after = parse(current);
			Set<String> fields = new java.util.TreeSet<>(before.keySet());
			fields.addAll(after.keySet());
			boolean ciChanged = false;
			boolean ciAuthorised = true;
			for (String f : fields) {
				if (Objects.equals(before.get(f), after.get(f))) {
					continue;
				}
				ciChanged = true;
				String change = explainingChange(e.getKey(), f, b.takenAt());
				boolean ok = change != null;
				ciAuthorised &= ok;
				findings.add(new Object[] { e.getKey(), "CHANGED", f, shown(f, before.get(f)), shown(f, after.get(f)),
						ok, (change == null || change.isEmpty()) ? null : change });
			}
			if (ciChanged) {
				changed++;
				if (!ciAuthorised) {
					unauthorised++;
				}
			}
			if (!ciChanged || ciAuthorised) {
				accurate++;
			}
		}
		for (Long ci : now.keySet()) {
			if (!then.containsKey(ci)) {
				added++;
				String change = explainingChange(ci, "created", b.takenAt());
				findings.add(new Object[] { ci, "ADDED", null, null, null, change != null, change });
			}
		}
		Instant at = this.clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into cm_audit (baseline_id, performed_by, performed_at, checked, accurate, added, removed,"
						+ " changed, unauthorised) values (:b, :me, :at, :checked, :accurate, :added, :removed,"
						+ " :changed, :unauthorised)",
				new MapSqlParameterSource("b", baselineId).addValue("me", me.id())
					.addValue("at", Timestamps.utc(at))
					.addValue("checked", then.size())
					.addValue("accurate", accurate)
					.addValue("added", added)
					.addValue("removed", removed)
					.addValue("changed", changed)
					.addValue("unauthorised", unauthorised),
				keys, new String[] { "id" });
		long auditId = keys.getKey().longValue();
		List<MapSqlParameterSource> batch = new ArrayList<>();
		for (Object[] f : findings) {
			batch.add(new MapSqlParameterSource("a", auditId).addValue("ci", f[0])
				.addValue("kind", f[1])
				.addValue("field", f[2])
				.addValue("before", cut((String) f[3]))
				.addValue("after", cut((String) f[4]))
				.addValue("ok", f[5])
				.addValue("change", f[6]));
		}
		if (!batch.isEmpty()) {
			this.jdbc.batchUpdate(
					"insert into cm_audit_finding (audit_id, ci_id, kind, field, before_value, after_value, authorised,"
							+ " change_number) values (:a, :ci, :kind, :field, :before, :after, :ok, :change)",
					batch.toArray(new MapSqlParameterSource[0]));
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "ciAudit", auditId, b.name())
			.withChange("unauthorised", null, unauthorised));
		return report(auditId);
	}

	@Transactional(readOnly = true)
	public AuditReport report(long auditId) {
		this.access.require(ConfigurationItems.READ);
		List<AuditSummary> s = summaries("a.id = :id", new MapSqlParameterSource("id", auditId));
		if (s.isEmpty()) {
			throw NotFound.of("ciAudit", auditId);
		}
		List<Finding> findings = this.jdbc.query(
				"select f.*, i.number, i.name from cm_audit_finding f join cm_ci i on i.id = f.ci_id"
						+ " where f.audit_id = :id order by f.authorised, i.name, f.id",
				new MapSqlParameterSource("id", auditId),
				(rs, n) -> new Finding(rs.getLong("id"), rs.getLong("ci_id"), rs.getString("number"),
						rs.getString("name"), rs.getString("kind"), rs.getString("field"), rs.getString("before_value"),
						rs.getString("after_value"), rs.getBoolean("authorised"), rs.getString("change_number")));
		return new AuditReport(s.get(0), findings);
	}

	/** The audits performed in a period (for 8.3.5-1). */
	@Transactional(readOnly = true)
	public List<AuditSummary> performedBetween(Instant from, Instant to) {
		return summaries("a.performed_at >= :from and a.performed_at < :to",
				new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to)));
	}

	private List<AuditSummary> summaries(String where, MapSqlParameterSource p) {
		return this.jdbc.query("select a.*, b.name as baseline_name, u.display_name from cm_audit a"
				+ " join cm_baseline b on b.id = a.baseline_id left join pf_user u on u.id = a.performed_by where "
				+ where + " order by a.performed_at desc, a.id desc", p,
				(rs, n) -> new AuditSummary(rs.getLong("id"), rs.getLong("baseline_id"), rs.getString("baseline_name"),
						rs.getString("display_name"), Timestamps.instant(rs.getObject("performed_at")),
						rs.getInt("checked"), rs.getInt("accurate"), rs.getInt("added"), rs.getInt("removed"),
						rs.getInt("changed"), rs.getInt("unauthorised")));
	}

	/**
	 * The change that explains a field's difference since the baseline: the change number
	 * every recorded change of that field carries ("" when they name none but one is
	 * needed), or null when some recorded change names none or none was recorded at all.
	 */
	private String explainingChange(long ciId, String field, Instant since) {
		List<Map<String, Object>> entries = this.jdbc.queryForList(
				"select change_number from cm_history where ci_id = :ci and field = :field and occurred_at > :since"
						+ " order by id",
				new MapSqlParameterSource("ci", ciId).addValue("field", field)
					.addValue("since", Timestamps.utc(since)));
		if (entries.isEmpty()) {
			return null;
		}
		String last = null;
		for (Map<String, Object> e : entries) {
			String change = (String) e.get("change_number");
			if (change == null || change.isBlank() || !approved(change)) {
				return null;
			}
			last = change;
		}
		return last;
	}

	private boolean approved(String changeNumber) {
		ChangeAuthority authority = this.changes.getIfAvailable();
		return authority == null || authority.approved(changeNumber);
	}

	/** The recorded state of CIs, one text each: sorted {@code field=value} lines. */
	private Map<Long, String> snapshots(List<Long> classIds, Long serviceId, Set<Long> alsoThese) {
		StringBuilder where = new StringBuilder("i.state <> 'RETIRED'");
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (classIds != null) {
			where.append(" and i.class_id in (:classes)");
			p.addValue("classes", classIds);
		}
		if (serviceId != null) {
			where.append(" and i.service_id = :service");
			p.addValue("service", serviceId);
		}
		String sql = "select i.id, i.name, i.state, i.owner_id, i.group_id, l.number as location, i.service_id,"
				+ " i.description from cm_ci i left join cm_ci l on l.id = i.location_id where (" + where + ")";
		if (alsoThese != null && !alsoThese.isEmpty()) {
			sql += " or i.id in (:also)";
			p.addValue("also", alsoThese);
		}
		Map<Long, TreeMap<String, String>> fields = new LinkedHashMap<>();
		this.jdbc.query(sql, p, (rs) -> {
			TreeMap<String, String> f = new TreeMap<>();
			put(f, "name", rs.getString("name"));
			put(f, "state", rs.getString("state"));
			put(f, "owner", rs.getString("owner_id"));
			put(f, "group", rs.getString("group_id"));
			put(f, "location", rs.getString("location"));
			put(f, "service", rs.getString("service_id"));
			put(f, "description", rs.getString("description"));
			fields.put(rs.getLong("id"), f);
		});
		if (!fields.isEmpty()) {
			List<Long> ids = new ArrayList<>(fields.keySet());
			for (int i = 0; i < ids.size(); i += 1000) {
				this.jdbc.query(
						"select v.ci_id, a.code, v.value_text from cm_value v join cm_attribute a on a.id = v.attribute_id"
								+ " where v.ci_id in (:ids)",
						new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))), (rs) -> {
							put(fields.get(rs.getLong(1)), "attr:" + rs.getString(2), rs.getString(3));
						});
			}
		}
		Map<Long, String> out = new LinkedHashMap<>();
		fields.forEach((id, f) -> {
			StringBuilder b = new StringBuilder();
			f.forEach((k,
					v) -> b.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
			out.put(id, b.toString());
		});
		return out;
	}

	private static void put(Map<String, String> f, String key, String value) {
		if (value != null) {
			f.put(key, value);
		}
	}

	private static Map<String, String> parse(String snapshot) {
		Map<String, String> out = new HashMap<>();
		for (String line : snapshot.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				out.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n").replace("\\\\", "\\"));
			}
		}
		return out;
	}

	/** A snapshot value as people read it: people, groups and services by name. */
	private String shown(String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			long id = Long.parseLong(value);
			return switch (field) {
				case "owner" -> this.directory.userNames(List.of(id)).getOrDefault(id, value);
				case "group" -> this.directory.groupNames(List.of(id)).getOrDefault(id, value);
				case "service" -> this.services.names(List.of(id)).getOrDefault(id, value);
				default -> value;
			};
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	private static String cut(String s) {
		return (s == null || s.length() <= 2000) ? s : s.substring(0, 2000);
	}

}
