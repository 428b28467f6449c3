package org.yunwei.workitem;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;

/**
 * Filters people save on a list: their own, and those shared with everyone who may read
 * the type. A saved filter is the list's query string, so it opens exactly the list it
 * was saved from; only its owner removes it.
 */
@Service
@Transactional
public class SavedFilters {

	/** A saved filter. */
	public record SavedFilter(long id, String name, String query, boolean shared, boolean mine) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItemTypes types;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	SavedFilters(NamedParameterJdbcTemplate jdbc, WorkItemTypes types, AccessControl access, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.types = types;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<SavedFilter> list(String type) {
		CurrentUser me = this.access.require(this.types.get(type).readPermission());
		return this.jdbc.query(
				"select id, name, query, shared, user_id from wi_saved_filter where type_code = :t"
						+ " and (user_id = :me or shared = true) order by name, id",
				new MapSqlParameterSource("t", type).addValue("me", me.id()), (rs, n) -> new SavedFilter(rs.getLong(1),
						rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5) == me.id()));
	}

	public SavedFilter save(String type, String name, String query, boolean shared) {
		CurrentUser me = this.access.require(this.types.get(type).readPermission());
		String n = (name == null) ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			throw new ValidationFailed("name", "savedFilter.error.name");
		}
		String q = (query == null) ? "" : query.strip();
		if (q.startsWith("?")) {
			q = q.substring(1);
		}
		if (q.length() > 2000 || q.contains("after=")) {
			throw new ValidationFailed("query", "savedFilter.error.query");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into wi_saved_filter (user_id, type_code, name, query, shared, created_at)"
						+ " values (:me, :t, :n, :q, :s, :at)",
				new MapSqlParameterSource("me", me.id()).addValue("t", type)
					.addValue("n", n)
					.addValue("q", q)
					.addValue("s", shared)
					.addValue("at", this.clock.instant().atOffset(ZoneOffset.UTC)),
				key, new String[] { "id" });
		long id = key.getKey().longValue();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "savedFilter", id, n)
			.withChange("query", null, q)
			.withChange("shared", null, shared));
		return new SavedFilter(id, n, q, shared, true);
	}

	public void delete(long id) {
		CurrentUser me = this.access.user();
		int n = this.jdbc.update("delete from wi_saved_filter where id = :id and user_id = :me",
				new MapSqlParameterSource("id", id).addValue("me", me.id()));
		if (n == 0) {
			throw NotFound.of("savedFilter", id);
		}
		this.audit.record(AuditEvent.of(AuditAction.DELETE, "savedFilter", id, null));
	}

}
