package org.yunwei.workitem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.Formats;

/**
 * Delegation while away: between two dates (in the organisation's time zone, both
 * included) a person's delegate decides the approvals that are that person's turn, and is
 * told of them; the record names both. Anyone may delegate their own approvals, to one
 * person at a time.
 */
@Service
@Transactional
public class ApprovalDelegations {

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final Directory directory;

	private final AuditTrail audit;

	private final Formats formats;

	private final Clock clock;

	ApprovalDelegations(NamedParameterJdbcTemplate jdbc, AccessControl access, Directory directory, AuditTrail audit,
			Formats formats, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.audit = audit;
		this.formats = formats;
		this.clock = clock;
	}

	/** The signed-in person's delegations, given and received, that have not ended. */
	@Transactional(readOnly = true)
	public List<DelegationView> mine() {
		CurrentUser me = this.access.user();
		return views(
				"where (user_id = :me or delegate_id = :me) and ends_on >= :today and cancelled_at is null"
						+ " order by starts_on, id",
				new MapSqlParameterSource("me", me.id()).addValue("today", today()));
	}

	public DelegationView create(Long delegateId, LocalDate startsOn, LocalDate endsOn) {
		CurrentUser me = this.access.user();
		if (delegateId == null || !this.directory.isActiveUser(delegateId)) {
			throw new ValidationFailed("delegateId", "delegation.error.delegate");
		}
		if (delegateId == me.id()) {
			throw new ValidationFailed("delegateId", "delegation.error.self");
		}
		if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
			throw new ValidationFailed("endsOn", "delegation.error.dates");
		}
		if (endsOn.isBefore(today())) {
			throw new ValidationFailed("endsOn", "delegation.error.past");
		}
		if (startsOn.plusDays(366).isBefore(endsOn)) {
			throw new ValidationFailed("endsOn", "delegation.error.tooLong");
		}
		Integer overlapping = this.jdbc.queryForObject(
				"select count(*) from wi_delegation where user_id = :me and cancelled_at is null"
						+ " and starts_on <= :to and ends_on >= :from",
				new MapSqlParameterSource("me", me.id()).addValue("from", startsOn).addValue("to", endsOn),
				Integer.class);
		if (overlapping != null && overlapping > 0) {
			throw new Conflict("delegation.error.overlap");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into wi_delegation (user_id, delegate_id, starts_on, ends_on, created_at)"
						+ " values (:me, :d, :from, :to, :now)",
				new MapSqlParameterSource("me", me.id()).addValue("d", delegateId)
					.addValue("from", startsOn)
					.addValue("to", endsOn)
					.addValue("now", now()),
				key, new String[] { "id" });
		long id = key.getKey().longValue();
		String delegate = this.directory.userNames(List.of(delegateId)).get(delegateId);
		this.audit
			.record(AuditEvent.of(AuditAction.CREATE, "approvalDelegation", id, me.displayName() + " → " + delegate)
				.withChange("delegate", null, delegate)
				.withChange("period", null, startsOn + " – " + endsOn));
		return find(id);
	}

	/** Ends one's own delegation now. */
	public void cancel(long id) {
		CurrentUser me = this.access.user();
		DelegationView d = find(id);
		if (d.userId() != me.id()) {
			throw NotFound.of("approvalDelegation", id);
		}
		this.jdbc.update("update wi_delegation set cancelled_at = :now where id = :id",
				new MapSqlParameterSource("id", id).addValue("now", now()));
		this.audit.record(
				AuditEvent.of(AuditAction.DELETE, "approvalDelegation", id, d.userName() + " → " + d.delegateName()));
	}

	/** The people whose approvals {@code userId} decides today (read by the system). */
	@Transactional(readOnly = true)
	public List<Long> delegatorsOf(long userId) {
		return this.jdbc.queryForList(
				"select user_id from wi_delegation where delegate_id = :u and cancelled_at is null"
						+ " and starts_on <= :today and ends_on >= :today order by user_id",
				new MapSqlParameterSource("u", userId).addValue("today", today()), Long.class);
	}

	/** Who decides {@code userId}'s approvals today, if anyone (read by the system). */
	@Transactional(readOnly = true)
	public Optional<Long> delegateOf(long userId) {
		return this.jdbc
			.queryForList(
					"select delegate_id from wi_delegation where user_id = :u and cancelled_at is null"
							+ " and starts_on <= :today and ends_on >= :today order by id desc",
					new MapSqlParameterSource("u", userId).addValue("today", today()), Long.class)
			.stream()
			.findFirst();
	}

	private DelegationView find(long id) {
		List<DelegationView> found = views("where id = :id", new MapSqlParameterSource("id", id));
		if (found.isEmpty()) {
			throw NotFound.of("approvalDelegation", id);
		}
		return found.get(0);
	}

	private List<DelegationView> views(String where, MapSqlParameterSource p) {
		List<Object[]> rows = this.jdbc
			.query("select id, user_id, delegate_id, starts_on, ends_on, cancelled_at from wi_delegation " + where, p,
					(rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3),
							rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
							rs.getObject(6) != null });
		Set<Long> people = new HashSet<>();
		rows.forEach((r) -> {
			people.add((Long) r[1]);
			people.add((Long) r[2]);
		});
		Map<Long, String> names = this.directory.userNames(people);
		List<DelegationView> views = new ArrayList<>();
		for (Object[] r : rows) {
			views.add(new DelegationView((Long) r[0], (Long) r[1], names.get(r[1]), (Long) r[2], names.get(r[2]),
					(LocalDate) r[3], (LocalDate) r[4], (Boolean) r[5]));
		}
		return views;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.formats.organisationZone()));
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
