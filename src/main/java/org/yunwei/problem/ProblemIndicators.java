package org.yunwei.problem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.WorkItems;

/**
 * Problem management's key indicators from the problems' lifecycle: 8.3.4-1 问题解决率 and
 * 8.3.4-2 问题平均解决时间.
 */
@Component
@Transactional(readOnly = true)
class ProblemIndicators implements IndicatorSource {

	private final WorkItems items;

	private final ZoneId zone;

	ProblemIndicators(WorkItems items, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.items = items;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(
				new IndicatorDefinition("8.3.4-1", "问题解决率", "期间内提出的问题（撤销的不计）中已解决的数量 ÷ 期间内提出的问题数（撤销的不计）",
						"Problems raised in the period (cancelled ones left out) that are resolved ÷ those raised in "
								+ "the period",
						"%"),
				new IndicatorDefinition("8.3.4-2", "问题平均解决时间", "期间内解决的问题从提出到解决的平均时长（小时，自然时间）",
						"The mean time from raised to resolved of the problems resolved in the period (hours, "
								+ "calendar time)",
						"h"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		if ("8.3.4-1".equals(code)) {
			List<RecordRef> records = this.items
				.lifecycles(Problems.TYPE, WorkItems.Milestone.OPENED, period.start(this.zone), period.end(this.zone))
				.stream()
				.filter((p) -> p.category() != StateCategory.CANCELLED)
				.map((p) -> new RecordRef("workItem", p.id(), p.number(), p.resolvedAt() != null))
				.toList();
			return IndicatorValue.share(code, period.label(), records.stream().filter(RecordRef::counted).count(),
					records.size(), records);
		}
		if ("8.3.4-2".equals(code)) {
			List<WorkItems.Lifecycle> resolved = this.items
				.lifecycles(Problems.TYPE, WorkItems.Milestone.RESOLVED, period.start(this.zone), period.end(this.zone))
				.stream()
				.filter((p) -> p.category() != StateCategory.CANCELLED && p.openedAt() != null)
				.toList();
			long minutes = resolved.stream()
				.mapToLong((p) -> Duration.between(p.openedAt(), p.resolvedAt()).toMinutes())
				.sum();
			BigDecimal hours = resolved.isEmpty() ? null : BigDecimal.valueOf(minutes)
				.divide(BigDecimal.valueOf(60L * resolved.size()), 1, RoundingMode.HALF_UP);
			List<RecordRef> records = resolved.stream()
				.map((p) -> new RecordRef("workItem", p.id(),
						p.number() + " " + Duration.between(p.openedAt(), p.resolvedAt()).toHours() + "h", true))
				.toList();
			return IndicatorValue.mean(code, period.label(), minutes, resolved.size(), hours, "h", records);
		}
		throw NotFound.of("indicator", code);
	}

}
