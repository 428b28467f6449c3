package org.yunwei.knowledge.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.knowledge.Knowledge;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.workitem.WorkItems;

/**
 * The knowledge base's key indicators (7.6.1): 7.6.1-1 知识数量, the articles in effect at
 * the end of the period; 7.6.1-2 知识利用率, the share of them applied on a ticket resolved in
 * the period.
 */
@Component
@Transactional(readOnly = true)
class KnowledgeIndicators implements IndicatorSource {

	private static final List<String> TICKETS = List.of("incident", "request", "problem");

	private final Knowledge knowledge;

	private final WorkItems items;

	private final ZoneId zone;

	KnowledgeIndicators(Knowledge knowledge, WorkItems items, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.knowledge = knowledge;
		this.items = items;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(
				new IndicatorDefinition("7.6.1-1", "知识数量", "期末在用（已发布、未废止）的知识文章数",
						"Knowledge articles in effect (published, not retired) at the end of the period", "count"),
				new IndicatorDefinition("7.6.1-2", "知识利用率", "期末在用的知识文章中，在期间内解决的工单（事件、服务请求、问题）上被应用的数量 ÷ 期末在用的知识文章数",
						"Articles in effect at the end of the period that were applied on a ticket (incident, "
								+ "request, problem) resolved in the period ÷ articles in effect at the end of the period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		Instant from = period.start(this.zone);
		Instant to = period.end(this.zone);
		List<Knowledge.InEffect> inEffect = this.knowledge.inEffectAt(to);
		if ("7.6.1-1".equals(code)) {
			return IndicatorValue.count(code, period.label(),
					inEffect.stream()
						.map((a) -> new RecordRef("article", a.id(), a.number() + " " + a.title(), true))
						.toList());
		}
		if ("7.6.1-2".equals(code)) {
			List<Long> resolved = new ArrayList<>();
			for (String type : TICKETS) {
				this.items.lifecycles(type, WorkItems.Milestone.RESOLVED, from, to)
					.forEach((l) -> resolved.add(l.id()));
			}
			Set<Long> used = this.knowledge.usedOn(resolved);
			List<RecordRef> records = inEffect.stream()
				.map((a) -> new RecordRef("article", a.id(), a.number() + " " + a.title(), used.contains(a.id())))
				.toList();
			return IndicatorValue.share(code, period.label(), records.stream().filter(RecordRef::counted).count(),
					records.size(), records);
		}
		throw new IllegalArgumentException(code);
	}

}
