package org.yunwei.capacity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.event.EventListener;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.cmdb.CiView;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.platform.Conflict;
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
import org.yunwei.workitem.WorkItemCreated;
import org.yunwei.workitem.WorkItems;

/**
 * Capacity management (8.3.8): capacity records with their history and forecast, capacity
 * plans that freeze their forecasts on approval, and the content of capacity reports
 * (work items of type {@code capreport}), generated from the records when the report is
 * raised.
 */
@Service
@Transactional
public class Capacity {

	public static final String READ = "capacity:read";

	public static final String WRITE = "capacity:write";

	/** Capacity plans: approving them. */
	public static final String MANAGE = "capacity:manage";

	public static final String REPORT_TYPE = "capreport";

	/** Measurements kept per record: ten years of daily values. */
	private static final int HISTORY_MAX = 3660;

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final ConfigurationItems cis;

	private final WorkItems items;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Capacity(NamedParameterJdbcTemplate jdbc, AccessControl access, ConfigurationItems cis, WorkItems items,
			Directory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.cis = cis;
		this.items = items;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** A measurement as it is recorded. */
	public record MeasurementInput(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@NotNull BigDecimal value) {
	}

	/** A capacity plan as it is written. */
	public record PlanInput(@Size(max = 200) String title, Long ownerId,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo, @Size(max = 20000) String content,
			List<Long> metricIds) {
	}

	/** A line of a capacity report. */
	public record ReportLine(long metricId, String name, String unit, String subject, BigDecimal current,
			BigDecimal threshold, BigDecimal utilisation, BigDecimal slopePerMonth, LocalDate crossing) {
	}

	// ---- capacity records

	@Transactional(readOnly = true)
	public List<MetricView> metrics() {
		this.access.require(READ);
		return metricsWhere("m.active = true", new MapSqlParameterSource());
	}

	@Transactional(readOnly = true)
	public MetricView metric(long id) {
		this.access.require(READ);
		List<MetricView> found = metricsWhere("m.id = :id", new MapSqlParameterSource("id", id));
		if (found.isEmpty()) {
			throw NotFound.of("capacityRecord", id);
		}
		return found.get(0);
	}

	/** The capacity records of a CI. */
	@Transactional(readOnly = true)
	public List<MetricView> ofCi(long ciId) {
		this.access.require(READ);
		return metricsWhere("m.ci_id = :ci", new MapSqlParameterSource("ci", ciId));
	}

	private List<MetricView> metricsWhere(String where, MapSqlParameterSource p) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select m.*, c.number as ci_number, c.name as ci_name, s.name as service_name, g.name as group_name"
						+ " from cap_metric m left join cm_ci c on c.id = m.ci_id left join sl_service s"
						+ " on s.id = m.service_id left join pf_group g on g.id = m.group_id where " + where
						+ " order by m.name, m.id",
				p);
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Forecast.Point>> history = new HashMap<>();
		List<Long> ids = rows.stream().map((r) -> ((Number) r.get("id")).longValue()).toList();
		this.jdbc.query("select metric_id, measured_on, measured from cap_measurement where metric_id in (:ids)"
				+ " order by metric_id, measured_on", new MapSqlParameterSource("ids", ids), (rs) -> {
					history.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
						.add(new Forecast.Point(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)));
				});
		List<MetricView> out = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("id")).longValue();
			List<Forecast.Point> points = history.getOrDefault(id, List.of());
			BigDecimal threshold = (BigDecimal) r.get("threshold");
			boolean rising = Boolean.TRUE.equals(r.get("rising"));
			Forecast.Point last = points.isEmpty() ? null : points.get(points.size() - 1);
			out.add(new MetricView(id, ((Number) r.get("version")).intValue(), (String) r.get("name"),
					(String) r.get("unit"), longOrNull(r.get("ci_id")), (String) r.get("ci_number"),
					(String) r.get("ci_name"), longOrNull(r.get("service_id")), (String) r.get("service_name"),
					threshold, rising, longOrNull(r.get("group_id")), (String) r.get("group_name"),
					Boolean.TRUE.equals(r.get("active")), (last == null) ? null : last.value(),
					(last == null) ? null : last.on(), Forecast.fit(points, threshold, rising)));
		}
		return out;
	}

	/** A record's history, oldest first. */
	@Transactional(readOnly = true)
	public List<Forecast.Point> history(long metricId) {
		metric(metricId);
		return this.jdbc.query(
				"select measured_on, measured from cap_measurement where metric_id = :id order by measured_on",
				new MapSqlParameterSource("id", metricId),
				(rs, n) -> new Forecast.Point(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)));
	}

	public MetricView createMetric(MetricFormData form) {
		CurrentUser me = this.access.require(WRITE);
		MapSqlParameterSource p = check(form);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update("insert into cap_metric (version, name, unit, ci_id, service_id, threshold, rising, group_id,"
				+ " active, created_by, created_at) values (0, :name, :unit, :ci, :service, :threshold, :rising,"
				+ " :group, :active, :me, :at)",
				p.addValue("me", me.id()).addValue("at", Timestamps.utc(this.clock.instant())), keys,
				new String[] { "id" });
		long id = keys.getKey().longValue();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "capacityRecord", id, form.getName().strip()));
		return metric(id);
	}

	public MetricView updateMetric(long id, MetricFormData form) {
		this.access.require(WRITE);
		MetricView current = metric(id);
		if (form.getVersion() == null || form.getVersion() != current.version()) {
			throw Conflict.staleVersion("capacityRecord", id);
		}
		MapSqlParameterSource p = check(form).addValue("id", id);
		this.jdbc.update("update cap_metric set version = version + 1, name = :name, unit = :unit, ci_id = :ci,"
				+ " service_id = :service, threshold = :threshold, rising = :rising, group_id = :group,"
				+ " active = :active where id = :id", p);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "capacityRecord", id, form.getName().strip()));
		return metric(id);
	}

	private MapSqlParameterSource check(MetricFormData form) {
		List<Violation> v = new ArrayList<>();
		if (blank(form.getName()) == null) {
			v.add(new Violation("name", "capacity.error.name", List.of()));
		}
		if (blank(form.getUnit()) == null) {
			v.add(new Violation("unit", "capacity.error.unit", List.of()));
		}
		if (form.getThreshold() == null) {
			v.add(new Violation("threshold", "capacity.error.threshold", List.of()));
		}
		Long ciId = null;
		String ci = blank(form.getCiNumber());
		if (ci != null) {
			try {
				CiView found = this.cis.get(ci);
				ciId = found.id();
			}
			catch (NotFound ex) {
				v.add(new Violation("ciNumber", "capacity.error.unknownCi", List.of(ci)));
			}
		}
		if (ci == null && form.getServiceId() == null) {
			v.add(new Violation("ciNumber", "capacity.error.subject", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		return new MapSqlParameterSource("name", form.getName().strip()).addValue("unit", form.getUnit().strip())
			.addValue("ci", ciId)
			.addValue("service", form.getServiceId())
			.addValue("threshold", form.getThreshold())
			.addValue("rising", form.isRising())
			.addValue("group", form.getGroupId())
			.addValue("active", form.isActive());
	}

	/**
	 * Records measurements of a record (a day measured again takes the new value); all or
	 * nothing, each checked.
	 */
	public MetricView record(long metricId, List<MeasurementInput> measurements) {
		CurrentUser me = this.access.require(WRITE);
		metric(metricId);
		if (measurements == null || measurements.isEmpty() || measurements.size() > HISTORY_MAX) {
			throw new ValidationFailed("measurements", "capacity.error.measurements", HISTORY_MAX);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.items.zone());
		List<Violation> v = new ArrayList<>();
		Map<LocalDate, BigDecimal> values = new LinkedHashMap<>();
		for (int i = 0; i < measurements.size(); i++) {
			MeasurementInput m = measurements.get(i);
			if (m == null || m.on() == null || m.value() == null) {
				v.add(new Violation("measurements[" + i + "]", "capacity.error.measurement", List.of()));
			}
			else if (m.on().isAfter(today)) {
				v.add(new Violation("measurements[" + i + "]", "capacity.error.future", List.of(m.on().toString())));
			}
			else {
				values.put(m.on(), m.value());
			}
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		java.time.Instant at = this.clock.instant();
		for (Map.Entry<LocalDate, BigDecimal> e : values.entrySet()) {
			MapSqlParameterSource p = new MapSqlParameterSource("id", metricId).addValue("on", e.getKey())
				.addValue("value", e.getValue())
				.addValue("me", me.id())
				.addValue("at", Timestamps.utc(at));
			int n = this.jdbc.update("update cap_measurement set measured = :value, recorded_by = :me,"
					+ " recorded_at = :at where metric_id = :id and measured_on = :on", p);
			if (n == 0) {
				this.jdbc.update("insert into cap_measurement (metric_id, measured_on, measured, recorded_by,"
						+ " recorded_at) values (:id, :on, :value, :me, :at)", p);
			}
		}
		this.audit.record(
				AuditEvent.of(AuditAction.UPDATE, "capacityMeasurement", metricId, values.size() + " measurement(s)"));
		return metric(metricId);
	}

	// ---- capacity plans

	@Transactional(readOnly = true)
	public List<CapacityPlanView> plans() {
		this.access.require(READ);
		return plansWhere("1 = 1", new MapSqlParameterSource());
	}

	@Transactional(readOnly = true)
	public CapacityPlanView plan(long id) {
		this.access.require(READ);
		List<CapacityPlanView> found = plansWhere("p.id = :id", new MapSqlParameterSource("id", id));
		if (found.isEmpty()) {
			throw NotFound.of("capacityPlan", id);
		}
		return found.get(0);
	}

	/**
	 * The plans whose period overlaps the days, for the indicators (read by the system).
	 */
	@Transactional(readOnly = true)
	public List<CapacityPlanView> plansOverlapping(LocalDate from, LocalDate to) {
		return plansWhere("p.period_from <= :to and p.period_to >= :from",
				new MapSqlParameterSource("from", from).addValue("to", to));
	}

	private List<CapacityPlanView> plansWhere(String where, MapSqlParameterSource p) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList(
					"select p.*, o.display_name as owner_name, a.display_name as approver_name from cap_plan p"
							+ " left join pf_user o on o.id = p.owner_id left join pf_user a on a.id = p.approved_by"
							+ " where " + where + " order by p.period_from desc, p.id desc fetch first 200 rows only",
					p);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map((r) -> ((Number) r.get("id")).longValue()).toList();
		Map<Long, Map<Long, String[]>> covered = new HashMap<>();
		this.jdbc.query(
				"select pm.plan_id, m.id, m.name, m.unit from cap_plan_metric pm join cap_metric m"
						+ " on m.id = pm.metric_id where pm.plan_id in (:ids) order by m.name",
				new MapSqlParameterSource("ids", ids), (rs) -> {
					covered.computeIfAbsent(rs.getLong(1), (k) -> new LinkedHashMap<>())
						.put(rs.getLong(2), new String[] { rs.getString(3), rs.getString(4) });
				});
		List<Object[]> raw = new ArrayList<>();
		this.jdbc.query("select plan_id, metric_id, month_end, predicted from cap_plan_point where plan_id in (:ids)"
				+ " order by month_end", new MapSqlParameterSource("ids", ids), (rs) -> {
					raw.add(new Object[] { rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
							rs.getBigDecimal(4) });
				});
		// what was measured at each month's end: the latest value of the month's last 31
		// days
		Map<Long, java.util.TreeMap<LocalDate, BigDecimal>> measured = new HashMap<>();
		if (!raw.isEmpty()) {
			List<Long> metricIds = raw.stream().map((x) -> (Long) x[1]).distinct().toList();
			this.jdbc.query("select metric_id, measured_on, measured from cap_measurement where metric_id in (:m)",
					new MapSqlParameterSource("m", metricIds), (rs) -> {
						measured.computeIfAbsent(rs.getLong(1), (k) -> new java.util.TreeMap<>())
							.put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
					});
		}
		Map<String, List<CapacityPlanView.Predicted>> points = new HashMap<>();
		for (Object[] x : raw) {
			LocalDate monthEnd = (LocalDate) x[2];
			Map.Entry<LocalDate, BigDecimal> last = measured.getOrDefault((Long) x[1], new java.util.TreeMap<>())
				.floorEntry(monthEnd);
			BigDecimal actual = (last != null && last.getKey().isAfter(monthEnd.minusDays(31))) ? last.getValue()
					: null;
			points.computeIfAbsent(x[0] + ":" + x[1], (k) -> new ArrayList<>())
				.add(new CapacityPlanView.Predicted(monthEnd, (BigDecimal) x[3], actual));
		}
		List<CapacityPlanView> out = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("id")).longValue();
			List<CapacityPlanView.Covered> metrics = new ArrayList<>();
			covered.getOrDefault(id, Map.of())
				.forEach((metricId, m) -> metrics.add(new CapacityPlanView.Covered(metricId, m[0], m[1],
						points.getOrDefault(id + ":" + metricId, List.of()))));
			out.add(new CapacityPlanView(id, ((Number) r.get("version")).intValue(), (String) r.get("title"),
					longOrNull(r.get("owner_id")), (String) r.get("owner_name"), date(r.get("period_from")),
					date(r.get("period_to")), (String) r.get("content"), (String) r.get("state"),
					(String) r.get("approver_name"), Timestamps.instant(r.get("approved_at")), metrics));
		}
		return out;
	}

	/** Writes a capacity plan (a draft until approved). */
	public CapacityPlanView createPlan(PlanInput in) {
		CurrentUser me = this.access.require(WRITE);
		List<Violation> v = new ArrayList<>();
		if (blank(in.title()) == null) {
			v.add(new Violation("title", "capacity.error.planTitle", List.of()));
		}
		if (in.ownerId() == null || !this.directory.isActiveUser(in.ownerId())) {
			v.add(new Violation("ownerId", "capacity.error.planOwner", List.of()));
		}
		if (in.periodFrom() == null || in.periodTo() == null || !in.periodTo().isAfter(in.periodFrom())) {
			v.add(new Violation("periodTo", "capacity.error.planPeriod", List.of()));
		}
		if (in.metricIds() == null || in.metricIds().isEmpty()) {
			v.add(new Violation("metricIds", "capacity.error.planMetrics", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into cap_plan (version, title, owner_id, period_from, period_to, content, state, created_by,"
						+ " created_at) values (0, :title, :owner, :from, :to, :content, 'DRAFT', :me, :at)",
				new MapSqlParameterSource("title", in.title().strip()).addValue("owner", in.ownerId())
					.addValue("from", in.periodFrom())
					.addValue("to", in.periodTo())
					.addValue("content", blank(in.content()))
					.addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())),
				keys, new String[] { "id" });
		long id = keys.getKey().longValue();
		for (Long metricId : new java.util.LinkedHashSet<>(in.metricIds())) {
			metric(metricId);
			this.jdbc.update("insert into cap_plan_metric (plan_id, metric_id) values (:p, :m)",
					new MapSqlParameterSource("p", id).addValue("m", metricId));
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "capacityPlan", id, in.title().strip()));
		return plan(id);
	}

	/**
	 * Approves a plan: the forecast of each record it covers — its value at the end of
	 * each month of the plan's period, from the history recorded until now — is frozen
	 * with it, to be compared with what is measured.
	 */
	public CapacityPlanView approvePlan(long id, int version) {
		CurrentUser me = this.access.require(MANAGE);
		CapacityPlanView plan = plan(id);
		if (plan.version() != version) {
			throw Conflict.staleVersion("capacityPlan", id);
		}
		if (plan.approved()) {
			throw new Conflict("capacity.error.planApproved", plan.title());
		}
		if (plan.content() == null) {
			throw new ValidationFailed("content", "capacity.error.planContent");
		}
		for (CapacityPlanView.Covered c : plan.metrics()) {
			Forecast f = metric(c.metricId()).forecast();
			if (f == null) {
				throw new ValidationFailed("metricIds", "capacity.error.noForecast", c.name());
			}
			for (YearMonth m = YearMonth.from(plan.periodFrom()); !m.atDay(1).isAfter(plan.periodTo()); m = m
				.plusMonths(1)) {
				LocalDate end = m.atEndOfMonth();
				this.jdbc.update(
						"insert into cap_plan_point (plan_id, metric_id, month_end, predicted) values (:p, :m, :end,"
								+ " :v)",
						new MapSqlParameterSource("p", id).addValue("m", c.metricId())
							.addValue("end", end)
							.addValue("v", f.valueOn(end)));
			}
		}
		this.jdbc.update(
				"update cap_plan set version = version + 1, state = 'APPROVED', approved_by = :me, approved_at = :at"
						+ " where id = :id",
				new MapSqlParameterSource("id", id).addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "capacityPlan", id, "approved " + plan.title()));
		return plan(id);
	}

	// ---- capacity reports

	/** A capacity report gets its content from the records when it is raised. */
	@EventListener
	void reportRaised(WorkItemCreated event) {
		if (!REPORT_TYPE.equals(event.type())) {
			return;
		}
		for (MetricView m : metricsWhere("m.active = true", new MapSqlParameterSource())) {
			this.jdbc.update(
					"insert into cap_report_line (item_id, metric_id, current_value, threshold, crossing_on,"
							+ " slope_per_month) values (:item, :m, :current, :threshold, :crossing, :slope)",
					new MapSqlParameterSource("item", event.id()).addValue("m", m.id())
						.addValue("current", m.current())
						.addValue("threshold", m.threshold())
						.addValue("crossing", m.crossing())
						.addValue("slope", (m.forecast() == null) ? null : m.forecast().slopePerMonth()));
		}
	}

	/** A capacity report's lines, records nearest their threshold first. */
	@Transactional(readOnly = true)
	public List<ReportLine> report(long itemId) {
		this.items.get(String.valueOf(itemId));
		List<ReportLine> lines = this.jdbc.query(
				"select l.*, m.name, m.unit, c.name as ci_name, s.name as service_name from cap_report_line l"
						+ " join cap_metric m on m.id = l.metric_id left join cm_ci c on c.id = m.ci_id"
						+ " left join sl_service s on s.id = m.service_id where l.item_id = :id",
				new MapSqlParameterSource("id", itemId), (rs, n) -> {
					BigDecimal current = rs.getBigDecimal("current_value");
					BigDecimal threshold = rs.getBigDecimal("threshold");
					BigDecimal utilisation = (current == null || threshold.signum() == 0) ? null
							: current.multiply(BigDecimal.valueOf(100))
								.divide(threshold, 1, java.math.RoundingMode.HALF_UP);
					String subject = (rs.getString("ci_name") != null) ? rs.getString("ci_name")
							: rs.getString("service_name");
					return new ReportLine(rs.getLong("metric_id"), rs.getString("name"), rs.getString("unit"), subject,
							current, threshold, utilisation, rs.getBigDecimal("slope_per_month"),
							rs.getObject("crossing_on", LocalDate.class));
				});
		List<ReportLine> sorted = new ArrayList<>(lines);
		sorted.sort(java.util.Comparator.comparing(ReportLine::crossing,
				java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		return sorted;
	}

	public boolean canWrite() {
		return this.access.user().has(WRITE);
	}

	public boolean canManage() {
		return this.access.user().has(MANAGE);
	}

	private static LocalDate date(Object o) {
		if (o == null) {
			return null;
		}
		return (o instanceof LocalDate d) ? d : ((java.sql.Date) o).toLocalDate();
	}

	private static Long longOrNull(Object o) {
		return (o == null) ? null : ((Number) o).longValue();
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
