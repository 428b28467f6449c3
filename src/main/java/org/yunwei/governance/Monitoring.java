package org.yunwei.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.indicator.Indicators;

/**
 * The monitoring plan (9.1): which key indicators are monitored, how often (each month,
 * quarter or year) and by whom. Its coverage of the 109 is indicator 9.1-1; whether each
 * planned value was computed or assessed within ten days of its period's end is 9.1-2.
 */
@Service
@Transactional
public class Monitoring {

	/** Days after a period's end within which its planned value counts as on time. */
	public static final int GRACE_DAYS = 10;

	private final NamedParameterJdbcTemplate jdbc;

	private final StandardCatalogue catalogue;

	private final Directory directory;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	Monitoring(NamedParameterJdbcTemplate jdbc, StandardCatalogue catalogue, Directory directory, AccessControl access,
			AuditTrail audit, Clock clock, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.directory = directory;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** An entry of the plan. */
	public record Entry(String code, String nameZh, String nameEn, IndicatorSpec.Period frequency, long ownerId,
			String ownerName, LocalDate addedOn) {
	}

	@Transactional(readOnly = true)
	public List<Entry> entries() {
		this.access.require(Indicators.READ);
		List<Object[]> rows = this.jdbc.query("select code, frequency, owner_id, added_on from gov_monitoring",
				new MapSqlParameterSource(), (rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3),
						rs.getObject(4, LocalDate.class) });
		var names = this.directory.userNames(rows.stream().map((r) -> (Long) r[2]).toList());
		java.util.Map<String, Object[]> byCode = new java.util.HashMap<>();
		rows.forEach((r) -> byCode.put((String) r[0], r));
		return this.catalogue.indicators().stream().filter((s) -> byCode.containsKey(s.code())).map((s) -> {
			Object[] r = byCode.get(s.code());
			return new Entry(s.code(), s.nameZh(), s.nameEn(), IndicatorSpec.Period.valueOf((String) r[1]), (Long) r[2],
					names.get((Long) r[2]), (LocalDate) r[3]);
		}).toList();
	}

	/**
	 * Adds an indicator to the plan, or changes how often and by whom it is monitored.
	 */
	public List<Entry> save(String code, IndicatorSpec.Period frequency, Long ownerId) {
		this.access.require(Governance.MANAGE);
		IndicatorSpec spec = this.catalogue.indicator(code).orElseThrow(() -> NotFound.of("indicator", code));
		if (frequency == null) {
			throw new ValidationFailed("frequency", "monitoring.error.frequency");
		}
		if (ownerId == null || !this.directory.isActiveUser(ownerId)) {
			throw new ValidationFailed("ownerId", "monitoring.error.owner");
		}
		MapSqlParameterSource p = new MapSqlParameterSource("code", spec.code()).addValue("frequency", frequency.name())
			.addValue("owner", ownerId)
			.addValue("on", LocalDate.ofInstant(this.clock.instant(), this.zone))
			.addValue("at", Timestamps.utc(this.clock.instant()));
		int updated = this.jdbc.update("update gov_monitoring set version = version + 1, frequency = :frequency,"
				+ " owner_id = :owner, updated_at = :at where code = :code", p);
		if (updated == 0) {
			this.jdbc.update("insert into gov_monitoring (code, version, frequency, owner_id, added_on, updated_at)"
					+ " values (:code, 0, :frequency, :owner, :on, :at)", p);
		}
		this.audit.record(AuditEvent.of((updated == 0) ? AuditAction.CREATE : AuditAction.UPDATE, "monitoringPlan",
				spec.code(), spec.nameZh() + " " + frequency.name()));
		return entries();
	}

	/** Takes an indicator off the plan. */
	public List<Entry> remove(String code) {
		this.access.require(Governance.MANAGE);
		IndicatorSpec spec = this.catalogue.indicator(code).orElseThrow(() -> NotFound.of("indicator", code));
		if (this.jdbc.update("delete from gov_monitoring where code = :code",
				new MapSqlParameterSource("code", spec.code())) > 0) {
			this.audit.record(AuditEvent.of(AuditAction.DELETE, "monitoringPlan", spec.code(), spec.nameZh()));
		}
		return entries();
	}

}
