package org.yunwei.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.indicator.Indicators;

/**
 * Decision-support dashboards (7.4.4): each person's widgets — indicator trends against
 * target, last month's indicators at and below target, the chapters' scores and their
 * trend, the nonconformities by source — in the order they chose, or their role's
 * defaults. Widgets read what the conformance engine stored (indicator values, recorded
 * scores, nonconformities), never the modules' own tables; each links to the records
 * behind it.
 */
@Service
@Transactional
public class Dashboards {

	/**
	 * The kinds of widget; {@code TREND} takes an indicator code ({@code trend:8.3.3-1}).
	 */
	public enum Kind {

		STATUS, MISSED, TREND, RADAR, SCORES, NONCONFORMITIES;

		public String messageKey() {
			return "dashboard.kind." + name();
		}

	}

	/** A widget: its kind and, for a trend, the indicator. */
	public record Widget(Kind kind, String code) {

		public String id() {
			return (this.code == null) ? this.kind.name().toLowerCase(java.util.Locale.ROOT)
					: this.kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.code;
		}

		static Widget parse(String id) {
			String[] p = id.strip().split(":", 2);
			return new Widget(Kind.valueOf(p[0].toUpperCase(java.util.Locale.ROOT)), (p.length > 1) ? p[1] : null);
		}

	}

	private static final int MAX_WIDGETS = 12;

	private static final List<String> LEADERSHIP = List.of("radar", "status", "scores", "trend:8.3.3-1", "trend:7.8-1",
			"trend:8.3.6-1", "nonconformities");

	private static final List<String> OPERATIONS = List.of("status", "missed", "trend:8.3.3-1", "trend:8.4.2-1",
			"trend:8.3.6-1", "nonconformities", "radar");

	private final NamedParameterJdbcTemplate jdbc;

	private final Governance governance;

	private final StandardCatalogue catalogue;

	private final AccessControl access;

	private final Clock clock;

	private final ZoneId zone;

	private final org.yunwei.workitem.WorkItems items;

	Dashboards(NamedParameterJdbcTemplate jdbc, Governance governance, StandardCatalogue catalogue,
			AccessControl access, Clock clock, org.yunwei.workitem.WorkItems items,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.items = items;
		this.jdbc = jdbc;
		this.governance = governance;
		this.catalogue = catalogue;
		this.access = access;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** The signed-in person's widgets: their own, or their role's defaults. */
	@Transactional(readOnly = true)
	public List<Widget> widgets() {
		CurrentUser me = this.access.require(Indicators.READ);
		List<String> stored = this.jdbc.queryForList("select widgets from gov_dashboard where user_id = :me",
				new MapSqlParameterSource("me", me.id()), String.class);
		List<String> ids = stored.isEmpty() ? defaults(me) : List.of(stored.get(0).split(","));
		List<Widget> out = new ArrayList<>();
		for (String id : ids) {
			if (!id.isBlank()) {
				try {
					out.add(check(Widget.parse(id)));
				}
				catch (RuntimeException ex) {
					// a widget of an indicator the catalogue no longer has is left out
				}
			}
		}
		return out;
	}

	private static List<String> defaults(CurrentUser me) {
		return (me.roles().contains("TOP_MANAGEMENT") || me.roles().contains("MANAGEMENT_REP")) ? LEADERSHIP
				: OPERATIONS;
	}

	/** Saves the person's widgets, in order (each checked; at most twelve). */
	public List<Widget> save(List<String> ids) {
		CurrentUser me = this.access.require(Indicators.READ);
		List<Widget> widgets = new ArrayList<>();
		for (String id : (ids == null) ? List.<String>of() : ids) {
			Widget w;
			try {
				w = check(Widget.parse(id));
			}
			catch (RuntimeException ex) {
				throw new ValidationFailed("widgets", "dashboard.error.widget", String.valueOf(id));
			}
			if (widgets.stream().noneMatch((x) -> x.id().equals(w.id()))) {
				widgets.add(w);
			}
		}
		if (widgets.size() > MAX_WIDGETS) {
			throw new ValidationFailed("widgets", "dashboard.error.tooMany", MAX_WIDGETS);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("me", me.id())
			.addValue("widgets", String.join(",", widgets.stream().map(Widget::id).toList()))
			.addValue("at", Timestamps.utc(this.clock.instant()));
		if (this.jdbc.update("update gov_dashboard set widgets = :widgets, updated_at = :at where user_id = :me",
				p) == 0) {
			this.jdbc.update("insert into gov_dashboard (user_id, widgets, updated_at) values (:me, :widgets, :at)", p);
		}
		return widgets();
	}

	/** Back to the role's defaults. */
	public List<Widget> reset() {
		CurrentUser me = this.access.require(Indicators.READ);
		this.jdbc.update("delete from gov_dashboard where user_id = :me", new MapSqlParameterSource("me", me.id()));
		return widgets();
	}

	private Widget check(Widget w) {
		if ((w.kind() == Kind.TREND) != (w.code() != null)
				|| (w.code() != null && this.catalogue.indicator(w.code()).isEmpty())) {
			throw new IllegalArgumentException(w.id());
		}
		return w;
	}

	/** A widget's data, from what is stored. */
	@Transactional(readOnly = true)
	public Map<String, Object> data(String id) {
		this.access.require(Indicators.READ);
		Widget w;
		try {
			w = check(Widget.parse(id));
		}
		catch (RuntimeException ex) {
			throw new ValidationFailed("widget", "dashboard.error.widget", id);
		}
		String last = YearMonth.from(LocalDate.ofInstant(this.clock.instant(), this.zone)).minusMonths(1).toString();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("widget", w.id());
		out.put("kind", w.kind());
		switch (w.kind()) {
			case STATUS, MISSED -> {
				List<StoredValue> values = this.governance.period(last);
				out.put("period", last);
				out.put("met", values.stream().filter((v) -> Boolean.TRUE.equals(v.met())).count());
				out.put("missed", values.stream().filter((v) -> Boolean.FALSE.equals(v.met())).count());
				out.put("noData", values.stream().filter((v) -> v.met() == null).count());
				out.put("none", this.catalogue.indicators().size() - values.size());
				List<Map<String, Object>> missed = new ArrayList<>();
				for (StoredValue v : values) {
					if (Boolean.FALSE.equals(v.met())) {
						IndicatorSpec s = this.catalogue.indicator(v.code()).orElseThrow();
						missed.add(Map.of("code", v.code(), "nameZh", s.nameZh(), "nameEn", s.nameEn(), "value",
								plain(v.value()), "target", plain(v.target()), "unit", v.unit()));
					}
				}
				out.put("below", missed);
			}
			case TREND -> {
				IndicatorView i = this.governance.indicator(w.code());
				List<StoredValue> values = this.governance.values(i.code(),
						YearMonth.parse(last).minusMonths(11).toString(), last);
				Map<String, StoredValue> byPeriod = new LinkedHashMap<>();
				values.forEach((v) -> byPeriod.put(v.period(), v));
				List<String> months = new ArrayList<>();
				for (YearMonth m = YearMonth.parse(last).minusMonths(11); !m.isAfter(YearMonth.parse(last)); m = m
					.plusMonths(1)) {
					months.add(m.toString());
				}
				out.put("code", i.code());
				out.put("nameZh", i.nameZh());
				out.put("nameEn", i.nameEn());
				out.put("unit", i.unit());
				out.put("direction", i.direction());
				out.put("periods", months);
				out.put("values",
						months.stream()
							.map((m) -> (byPeriod.get(m) == null) ? null : byPeriod.get(m).value())
							.toList());
				out.put("targets",
						months.stream()
							.map((m) -> (byPeriod.get(m) == null) ? i.target() : byPeriod.get(m).target())
							.toList());
			}
			case RADAR, SCORES -> {
				Map<String, Map<String, BigDecimal>> byDay = new java.util.TreeMap<>();
				this.jdbc.query(
						"select taken_on, chapter, score from gov_score where taken_on >= :from order by" + " taken_on",
						new MapSqlParameterSource("from",
								LocalDate.ofInstant(this.clock.instant(), this.zone).minusDays(365)),
						(rs) -> {
							byDay
								.computeIfAbsent(rs.getObject(1, LocalDate.class).toString(),
										(d) -> new LinkedHashMap<>())
								.put(rs.getString(2), rs.getBigDecimal(3));
						});
				List<Map<String, Object>> chapters = new ArrayList<>();
				for (org.yunwei.platform.standard.Clause c : this.catalogue.children(null)) {
					chapters.add(Map.of("chapter", c.number(), "titleZh", c.titleZh(), "titleEn", c.titleEn()));
				}
				out.put("chapters", chapters);
				out.put("trend", byDay);
				out.put("latest",
						byDay.isEmpty() ? Map.of() : byDay.get(((java.util.TreeMap<String, ?>) byDay).lastKey()));
			}
			case NONCONFORMITIES -> {
				Map<String, Long> bySource = new LinkedHashMap<>();
				for (NonconformityView.Source s : NonconformityView.Source.values()) {
					bySource.put(s.name(), 0L);
				}
				// open: not yet found effective, and neither closed nor cancelled
				Map<Long, String> sources = new java.util.HashMap<>();
				this.jdbc.query("select item_id, source from gov_nonconformity where verified_at is null or effective"
						+ " = false", new MapSqlParameterSource(), (rs) -> {
							sources.put(rs.getLong(1), rs.getString(2));
						});
				this.items.briefs(sources.keySet())
					.values()
					.stream()
					.filter((b) -> !b.category().isEnd())
					.forEach((b) -> bySource.merge(sources.get(b.id()), 1L, Long::sum));
				out.put("bySource", bySource);
			}
		}
		return out;
	}

	private static String plain(BigDecimal v) {
		return (v == null) ? "—" : v.stripTrailingZeros().toPlainString();
	}

}
