package org.yunwei.servicedesk.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.WorkItems;

/**
 * The service desk's key indicators, from its own records (the ratings in
 * {@code sd_ticket}, the callbacks in {@code sd_callback}) and the kernel's lifecycle of
 * tickets: 7.8-1 服务台满意度, 7.8-2 服务请求解决率, and 9.2-3 满意度调查记录的完整性、准确性 — the satisfaction
 * callbacks decided in the period whose record has its result, who made it and what the
 * user said, and, for a reached user, the ticket's own rating.
 */
@Component
@Transactional(readOnly = true)
class ServiceDeskIndicators implements IndicatorSource {

	private final WorkItems items;

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	ServiceDeskIndicators(WorkItems items, NamedParameterJdbcTemplate jdbc,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.items = items;
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(
				new IndicatorDefinition("7.8-1", "服务台满意度", "期间内关闭且请求人已评价的工单中，评价为 4 或 5 星的数量 ÷ 期间内关闭且已评价的工单数",
						"Tickets closed in the period and rated by their requester with 4 or 5 stars ÷ tickets closed "
								+ "in the period with a rating",
						"%"),
				new IndicatorDefinition("7.8-2", "服务请求解决率", "期间内提出的服务请求（撤销的不计）中已解决的数量 ÷ 期间内提出的服务请求数（撤销的不计）",
						"Service requests raised in the period (withdrawn ones left out) that are resolved ÷ those "
								+ "raised in the period",
						"%"),
				new IndicatorDefinition("9.2-3", "满意度调查记录的完整性、准确性",
						"期内完成的满意度回访中，记录了回访结果、回访人和用户意见（联系上用户的还须有工单评价）的数量 ÷ 期内完成的回访数",
						"Satisfaction callbacks decided in the period whose record has the result, who made the call and"
								+ " what the user said (and, when the user was reached, the ticket's rating) ÷ callbacks"
								+ " decided in the period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		if ("9.2-3".equals(code)) {
			return surveys(code, period);
		}
		if ("7.8-1".equals(code)) {
			return satisfaction(period);
		}
		if ("7.8-2".equals(code)) {
			return resolution(period);
		}
		throw NotFound.of("indicator", code);
	}

	private IndicatorValue satisfaction(ReportingPeriod period) {
		List<WorkItems.Lifecycle> closed = new ArrayList<>();
		for (TicketKind k : TicketKind.values()) {
			closed.addAll(this.items.lifecycles(k.type(), WorkItems.Milestone.CLOSED, period.start(this.zone),
					period.end(this.zone)));
		}
		Map<Long, Integer> ratings = new HashMap<>();
		if (!closed.isEmpty()) {
			org.yunwei.platform.IdChunks.each(closed.stream().map(WorkItems.Lifecycle::id).toList(),
					(ids) -> this.jdbc.query(
							"select item_id, rating from sd_ticket where rating is not null and item_id in (:ids)",
							new MapSqlParameterSource("ids", ids), (rs) -> {
								ratings.put(rs.getLong(1), rs.getInt(2));
							}));
		}
		List<RecordRef> records = closed.stream()
			.filter((t) -> t.category() == StateCategory.DONE && ratings.containsKey(t.id()))
			.map((t) -> new RecordRef("workItem", t.id(), t.number() + " ★" + ratings.get(t.id()),
					ratings.get(t.id()) >= 4))
			.toList();
		return IndicatorValue.share("7.8-1", period.label(), records.stream().filter(RecordRef::counted).count(),
				records.size(), records);
	}

	private IndicatorValue resolution(ReportingPeriod period) {
		List<RecordRef> records = this.items
			.lifecycles(TicketKind.REQUEST.type(), WorkItems.Milestone.OPENED, period.start(this.zone),
					period.end(this.zone))
			.stream()
			.filter((r) -> r.category() != StateCategory.CANCELLED)
			.map((r) -> new RecordRef("workItem", r.id(), r.number(), r.resolvedAt() != null))
			.toList();
		return IndicatorValue.share("7.8-2", period.label(), records.stream().filter(RecordRef::counted).count(),
				records.size(), records);
	}

	private IndicatorValue surveys(String code, ReportingPeriod period) {
		List<IndicatorValue.RecordRef> records = new java.util.ArrayList<>();
		long[] ok = { 0 };
		this.jdbc
			.query("select c.callback_item_id, i.number, c.result, c.decided_by, c.note, t.rating from sd_callback c"
					+ " join wi_item i on i.id = c.callback_item_id left join sd_ticket t on t.item_id = c.ticket_item_id"
					+ " where c.decided_at >= :from and c.decided_at < :to order by c.decided_at, c.callback_item_id",
					new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("from",
							period.start(this.zone).atOffset(java.time.ZoneOffset.UTC))
						.addValue("to", period.end(this.zone).atOffset(java.time.ZoneOffset.UTC)),
					(rs) -> {
						String result = rs.getString(3);
						String note = rs.getString(5);
						boolean reached = result != null && !"UNREACHABLE".equals(result);
						boolean complete = result != null && rs.getObject(4) != null && note != null && !note.isBlank()
								&& (!reached || rs.getObject(6) != null);
						ok[0] += complete ? 1 : 0;
						records.add(new IndicatorValue.RecordRef("workItem", rs.getLong(1), rs.getString(2), complete));
					});
		return IndicatorValue.share(code, period.label(), ok[0], records.size(), records);
	}

}
