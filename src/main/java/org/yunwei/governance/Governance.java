package org.yunwei.governance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.Indicators;

/**
 * The key indicators of the standard with their targets, and their values per period: the
 * modules that own the records compute theirs (through {@link IndicatorSource}); this
 * service stores each value with its numerator, denominator, sample and the records
 * behind it, compares it with the target in force, and reads the values back for trends.
 * Computing a period again replaces what was stored for it.
 */
@Service
@Transactional
public class Governance {

	/** Computing indicator values and setting targets. */
	public static final String MANAGE = "governance:manage";

	private final StandardCatalogue catalogue;

	private final Map<String, IndicatorSource> sources = new LinkedHashMap<>();

	private final Map<String, IndicatorDefinition> computed = new HashMap<>();

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final org.springframework.context.ApplicationEventPublisher events;

	Governance(StandardCatalogue catalogue, List<IndicatorSource> sources, NamedParameterJdbcTemplate jdbc,
			AccessControl access, AuditTrail audit, Clock clock,
			org.springframework.context.ApplicationEventPublisher events,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.catalogue = catalogue;
		this.events = events;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		for (IndicatorSource source : sources) {
			for (IndicatorDefinition d : source.indicators()) {
				this.sources.put(d.code(), source);
				this.computed.put(d.code(), d);
			}
		}
	}

	// ---- definitions

	/**
	 * All 109 key indicators with their method, the target in force and the latest value.
	 */
	@Transactional(readOnly = true)
	public List<IndicatorView> indicators() {
		this.access.require(Indicators.READ);
		return latest();
	}

	/** The indicators with their latest stored values (read by the system). */
	@Transactional(readOnly = true)
	List<IndicatorView> latest() {
		Map<String, BigDecimal> targets = targets();
		Map<String, IndicatorView.Latest> latest = new HashMap<>();
		this.jdbc.query(
				"select v.code, v.period, v.measured, v.met from gov_value v where v.period_from = (select"
						+ " max(w.period_from) from gov_value w where w.code = v.code) order by v.code, v.period_to",
				(rs) -> {
					latest.put(rs.getString(1),
							new IndicatorView.Latest(rs.getString(2), rs.getBigDecimal(3), (Boolean) rs.getObject(4)));
				});
		return this.catalogue.indicators().stream().map((s) -> view(s, targets, latest.get(s.code()))).toList();
	}

	@Transactional(readOnly = true)
	public IndicatorView indicator(String code) {
		this.access.require(Indicators.READ);
		IndicatorSpec spec = spec(code);
		return view(spec, targets(), null);
	}

	/** Whether a module computes the indicator from its records. */
	public boolean isComputed(String code) {
		return this.sources.containsKey(code);
	}

	private IndicatorSpec spec(String code) {
		return this.catalogue.indicator(code).orElseThrow(() -> NotFound.of("indicator", code));
	}

	private IndicatorView view(IndicatorSpec s, Map<String, BigDecimal> targets, IndicatorView.Latest latest) {
		IndicatorDefinition d = this.computed.get(s.code());
		return new IndicatorView(s.code(), s.clause(), s.nameZh(), s.nameEn(),
				(d != null) ? IndicatorView.Method.COMPUTED : IndicatorView.Method.ASSESSED, s.unit(), s.period(),
				s.direction(), targets.getOrDefault(s.code(), s.defaultTarget()), s.defaultTarget(),
				(d != null) ? d.formulaZh() : s.formulaZh(), (d != null) ? d.formulaEn() : s.formulaEn(), s.sourceZh(),
				s.sourceEn(), latest);
	}

	private Map<String, BigDecimal> targets() {
		Map<String, BigDecimal> targets = new HashMap<>();
		this.jdbc.query("select code, target from gov_target",
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> targets.put(rs.getString(1),
						rs.getBigDecimal(2)));
		return targets;
	}

	/**
	 * Sets the organisation's target for an indicator (its version guards a stale edit).
	 */
	public IndicatorView setTarget(String code, BigDecimal target, String reason, Integer version) {
		CurrentUser me = this.access.require(MANAGE);
		IndicatorSpec spec = spec(code);
		if (target == null || target.signum() < 0 || ("%".equals(spec.unit()) && target.compareTo(HUNDRED) > 0)) {
			throw new ValidationFailed("target", "governance.error.target", spec.unit());
		}
		MapSqlParameterSource p = new MapSqlParameterSource("code", spec.code()).addValue("target", target)
			.addValue("reason", (reason == null || reason.isBlank()) ? null : reason.strip())
			.addValue("me", me.id())
			.addValue("at", Timestamps.utc(this.clock.instant()))
			.addValue("version", version);
		Integer current = this.jdbc
			.query("select version from gov_target where code = :code", p, (rs, n) -> rs.getInt(1))
			.stream()
			.findFirst()
			.orElse(null);
		if (version != null && !version.equals((current == null) ? 0 : current + 1) && !version.equals(current)) {
			throw Conflict.staleVersion("indicatorTarget", code);
		}
		if (current == null) {
			this.jdbc.update("insert into gov_target (code, version, target, reason, updated_by, updated_at)"
					+ " values (:code, 0, :target, :reason, :me, :at)", p);
		}
		else {
			this.jdbc.update("update gov_target set version = version + 1, target = :target, reason = :reason,"
					+ " updated_by = :me, updated_at = :at where code = :code", p);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "indicatorTarget", spec.code(),
				spec.nameZh() + " → " + target.stripTrailingZeros().toPlainString() + " " + spec.unit()));
		return indicator(code);
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	// ---- computation

	/**
	 * Computes every computed indicator for a period (2026-10, 2026-Q4 or 2026) and
	 * stores the values, replacing what was stored for that period.
	 */
	public List<StoredValue> compute(String period) {
		CurrentUser me = this.access.require(MANAGE);
		ReportingPeriod p = ReportingPeriod.parse(period);
		List<StoredValue> out = computeAll(p, me.id());
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "indicatorValues", p.label(),
				out.size() + " indicators computed for " + p.label()));
		return out;
	}

	/** Computes one indicator for a period and stores it. */
	public StoredValue compute(String code, String period) {
		CurrentUser me = this.access.require(MANAGE);
		IndicatorSpec spec = spec(code);
		if (!isComputed(spec.code())) {
			throw new ValidationFailed("code", "governance.error.notComputed", spec.code());
		}
		ReportingPeriod p = ReportingPeriod.parse(period);
		StoredValue v = store(spec, p, me.id(), targets());
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "indicatorValues", spec.code() + "@" + p.label(),
				spec.nameZh() + " " + p.label()));
		return v;
	}

	private List<StoredValue> computeAll(ReportingPeriod p, Long by) {
		Map<String, BigDecimal> targets = targets();
		List<StoredValue> out = new ArrayList<>();
		for (IndicatorSpec spec : this.catalogue.indicators()) {
			if (isComputed(spec.code())) {
				out.add(store(spec, p, by, targets));
			}
		}
		return out;
	}

	/**
	 * At the end of each month, quarter and year, computes the period just ended (once: a
	 * period already stored is left as it is). Returns the periods computed.
	 */
	List<String> computeDue() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.zone);
		YearMonth last = YearMonth.from(today).minusMonths(1);
		List<ReportingPeriod> due = new ArrayList<>();
		due.add(ReportingPeriod.parse(last.toString()));
		if (last.getMonthValue() % 3 == 0) {
			due.add(ReportingPeriod.parse(last.getYear() + "-Q" + (last.getMonthValue() / 3)));
		}
		if (last.getMonthValue() == 12) {
			due.add(ReportingPeriod.parse(String.valueOf(last.getYear())));
		}
		List<String> done = new ArrayList<>();
		for (ReportingPeriod p : due) {
			Integer stored = this.jdbc.queryForObject("select count(*) from gov_value where period = :p",
					new MapSqlParameterSource("p", p.label()), Integer.class);
			if (stored == null || stored == 0) {
				int n = computeAll(p, null).size();
				this.audit.record(AuditEvent.of(AuditAction.UPDATE, "indicatorValues", p.label(),
						n + " indicators computed at period end"));
				done.add(p.label());
			}
		}
		return done;
	}

	private StoredValue store(IndicatorSpec spec, ReportingPeriod p, Long by, Map<String, BigDecimal> targets) {
		IndicatorValue v = this.sources.get(spec.code()).compute(spec.code(), p);
		BigDecimal target = targets.getOrDefault(spec.code(), spec.defaultTarget());
		Boolean met = spec.direction().meets(v.value(), target);
		long sample = (v.denominator() != null) ? v.denominator() : v.records().size();
		Instant at = this.clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource("code", spec.code()).addValue("period", p.label())
			.addValue("kind", kind(p).name())
			.addValue("from", p.from())
			.addValue("to", p.to())
			.addValue("method", IndicatorView.Method.COMPUTED.name())
			.addValue("numerator", v.numerator())
			.addValue("denominator", v.denominator())
			.addValue("sample", sample)
			.addValue("value", v.value())
			.addValue("unit", v.unit())
			.addValue("target", target)
			.addValue("direction", spec.direction().name())
			.addValue("met", met)
			.addValue("by", by)
			.addValue("at", Timestamps.utc(at));
		this.jdbc.update("delete from gov_value where code = :code and period = :period", params);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update("insert into gov_value (code, period, period_kind, period_from, period_to, method, numerator,"
				+ " denominator, sample, measured, unit, target, direction, met, computed_by, computed_at) values (:code,"
				+ " :period, :kind, :from, :to, :method, :numerator, :denominator, :sample, :value, :unit, :target,"
				+ " :direction, :met, :by, :at)", params, keys, new String[] { "id" });
		long id = keys.getKey().longValue();
		List<SqlParameterSource> records = new ArrayList<>();
		for (int i = 0; i < v.records().size(); i++) {
			IndicatorValue.RecordRef r = v.records().get(i);
			records.add(new MapSqlParameterSource("id", id).addValue("pos", i)
				.addValue("type", r.type())
				.addValue("record", r.id())
				.addValue("label", cut(r.label(), 300))
				.addValue("counted", r.counted()));
		}
		if (!records.isEmpty()) {
			this.jdbc.batchUpdate(
					"insert into gov_value_record (value_id, position, record_type, record_id, label,"
							+ " counted) values (:id, :pos, :type, :record, :label, :counted)",
					records.toArray(SqlParameterSource[]::new));
		}
		List<SqlParameterSource> parts = new ArrayList<>();
		for (int i = 0; i < v.parts().size(); i++) {
			IndicatorValue.Part part = v.parts().get(i);
			parts.add(new MapSqlParameterSource("id", id).addValue("pos", i)
				.addValue("key", part.key())
				.addValue("zh", part.labelZh())
				.addValue("en", part.labelEn())
				.addValue("count", part.count())
				.addValue("share", part.share()));
		}
		if (!parts.isEmpty()) {
			this.jdbc.batchUpdate(
					"insert into gov_value_part (value_id, position, part_key, label_zh, label_en, part_count,"
							+ " share) values (:id, :pos, :key, :zh, :en, :count, :share)",
					parts.toArray(SqlParameterSource[]::new));
		}
		if (Boolean.FALSE.equals(met)) {
			this.events.publishEvent(new IndicatorMissed(spec.code(), p.label(), v.value(), target, by, at));
		}
		return new StoredValue(spec.code(), p.label(), p.from(), p.to(), IndicatorView.Method.COMPUTED, v.numerator(),
				v.denominator(), sample, v.value(), v.unit(), target, spec.direction(), met, null, at, v.records(),
				v.parts());
	}

	/**
	 * Records an assessor's value of an assessed indicator for a period, with the
	 * evidence seen (replacing one recorded before); below target it raises its
	 * investigation.
	 */
	public StoredValue assess(String code, String period, BigDecimal value, String note) {
		CurrentUser me = this.access.require(Conformance.ASSESS);
		IndicatorSpec spec = spec(code);
		if (isComputed(spec.code())) {
			throw new ValidationFailed("code", "governance.error.computed", spec.code());
		}
		ReportingPeriod p = ReportingPeriod.parse(period);
		List<ValidationFailed.Violation> v = new ArrayList<>();
		if (value == null || value.signum() < 0 || ("%".equals(spec.unit()) && value.compareTo(HUNDRED) > 0)) {
			v.add(new ValidationFailed.Violation("value", "governance.error.target", List.of(spec.unit())));
		}
		if (note == null || note.isBlank() || note.length() > 4000) {
			v.add(new ValidationFailed.Violation("note", "conformance.error.evidence", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		BigDecimal target = targets().getOrDefault(spec.code(), spec.defaultTarget());
		Boolean met = spec.direction().meets(value, target);
		Instant at = this.clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource("code", spec.code()).addValue("period", p.label())
			.addValue("kind", kind(p).name())
			.addValue("from", p.from())
			.addValue("to", p.to())
			.addValue("value", value)
			.addValue("unit", spec.unit())
			.addValue("target", target)
			.addValue("direction", spec.direction().name())
			.addValue("met", met)
			.addValue("note", note.strip())
			.addValue("by", me.id())
			.addValue("at", Timestamps.utc(at));
		this.jdbc.update("delete from gov_value where code = :code and period = :period", params);
		this.jdbc.update("insert into gov_value (code, period, period_kind, period_from, period_to, method, numerator,"
				+ " denominator, sample, measured, unit, target, direction, met, note, computed_by, computed_at) values"
				+ " (:code, :period, :kind, :from, :to, 'ASSESSED', 0, null, 0, :value, :unit, :target, :direction,"
				+ " :met, :note, :by, :at)", params);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "indicatorValues", spec.code() + "@" + p.label(),
				spec.nameZh() + " " + p.label() + " = " + value.stripTrailingZeros().toPlainString()));
		if (Boolean.FALSE.equals(met)) {
			this.events.publishEvent(new IndicatorMissed(spec.code(), p.label(), value, target, me.id(), at));
		}
		return value(spec.code(), p.label()).orElseThrow();
	}

	private static String cut(String s, int max) {
		return (s == null) ? "" : (s.length() <= max) ? s : s.substring(0, max);
	}

	/** The kind of a period: a month, a quarter or a year. */
	public static IndicatorSpec.Period kind(ReportingPeriod p) {
		return p.label().contains("-Q") ? IndicatorSpec.Period.QUARTER
				: (p.label().length() == 4) ? IndicatorSpec.Period.YEAR : IndicatorSpec.Period.MONTH;
	}

	// ---- reading values

	/**
	 * The stored values of an indicator from one period to another, oldest first: those
	 * of the same kind as {@code from} (months, quarters or years) that lie between the
	 * start of {@code from} and the end of {@code to}. Without the records behind them.
	 */
	@Transactional(readOnly = true)
	public List<StoredValue> values(String code, String from, String to) {
		this.access.require(Indicators.READ);
		IndicatorSpec spec = spec(code);
		YearMonth now = YearMonth.from(LocalDate.ofInstant(this.clock.instant(), this.zone));
		ReportingPeriod start = ReportingPeriod
			.parse((from == null || from.isBlank()) ? now.minusMonths(12).toString() : from);
		ReportingPeriod end = ReportingPeriod.parse((to == null || to.isBlank()) ? now.toString() : to);
		if (end.to().isBefore(start.from())) {
			throw new ValidationFailed("to", "governance.error.range", start.label(), end.label());
		}
		return this.jdbc.query(
				"select * from gov_value where code = :code and period_kind = :kind and period_from"
						+ " >= :from and period_to <= :to order by period_from",
				new MapSqlParameterSource("code", spec.code()).addValue("kind", kind(start).name())
					.addValue("from", start.from())
					.addValue("to", end.to()),
				(rs, n) -> row(rs, List.of(), List.of()));
	}

	/** Every stored value of a period, in the catalogue's order. */
	@Transactional(readOnly = true)
	public List<StoredValue> period(String period) {
		this.access.require(Indicators.READ);
		ReportingPeriod p = ReportingPeriod.parse(period);
		Map<String, StoredValue> byCode = new HashMap<>();
		this.jdbc.query("select * from gov_value where period = :p", new MapSqlParameterSource("p", p.label()),
				(rs) -> {
					byCode.put(rs.getString("code"), row(rs, List.of(), List.of()));
				});
		return this.catalogue.indicators()
			.stream()
			.map((s) -> byCode.get(s.code()))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/** One stored value with the records behind it and its breakdown. */
	@Transactional(readOnly = true)
	public Optional<StoredValue> value(String code, String period) {
		this.access.require(Indicators.READ);
		IndicatorSpec spec = spec(code);
		ReportingPeriod p = ReportingPeriod.parse(period);
		MapSqlParameterSource params = new MapSqlParameterSource("code", spec.code()).addValue("period", p.label());
		List<Long> ids = this.jdbc.queryForList("select id from gov_value where code = :code and period = :period",
				params, Long.class);
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		MapSqlParameterSource byId = new MapSqlParameterSource("id", ids.get(0));
		List<IndicatorValue.RecordRef> records = this.jdbc.query(
				"select record_type, record_id, label, counted from"
						+ " gov_value_record where value_id = :id order by position",
				byId, (rs, n) -> new IndicatorValue.RecordRef(rs.getString(1), rs.getLong(2), rs.getString(3),
						rs.getBoolean(4)));
		List<IndicatorValue.Part> parts = this.jdbc.query(
				"select part_key, label_zh, label_en, part_count, share from"
						+ " gov_value_part where value_id = :id order by position",
				byId, (rs, n) -> new IndicatorValue.Part(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getLong(4), rs.getBigDecimal(5)));
		return this.jdbc.query("select * from gov_value where id = :id", byId, (rs, n) -> row(rs, records, parts))
			.stream()
			.findFirst();
	}

	private static StoredValue row(ResultSet rs, List<IndicatorValue.RecordRef> records,
			List<IndicatorValue.Part> parts) throws SQLException {
		return new StoredValue(rs.getString("code"), rs.getString("period"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				IndicatorView.Method.valueOf(rs.getString("method")), rs.getLong("numerator"),
				(Long) rs.getObject("denominator", Long.class), rs.getLong("sample"), rs.getBigDecimal("measured"),
				rs.getString("unit"), rs.getBigDecimal("target"),
				IndicatorSpec.Direction.valueOf(rs.getString("direction")),
				(Boolean) rs.getObject("met", Boolean.class), rs.getString("note"),
				Timestamps.instant(rs.getObject("computed_at")), records, parts);
	}

}
