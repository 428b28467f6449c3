package org.yunwei.operations;

import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.workitem.WorkItems;

/**
 * 8.4.1-1 例行操作交付及时率: of the routine tasks due in the period (cancelled ones left out),
 * the share resolved by their due time; a task still open past its due time counts as
 * late.
 */
@Component
class RoutineIndicators implements IndicatorSource {

	private final WorkItems items;

	private final ZoneId zone;

	RoutineIndicators(WorkItems items, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.items = items;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition("8.4.1-1", "例行操作交付及时率",
				"期间内到期的例行任务中，在截止时间前完成的数量 ÷ 期间内到期的例行任务数（已取消的不计，逾期未完成的计为不及时）",
				"Routine tasks due in the period resolved by their due time ÷ routine tasks due in the period "
						+ "(cancelled ones left out; still open past the due time counts as late)",
				"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		if (!"8.4.1-1".equals(code)) {
			throw NotFound.of("indicator", code);
		}
		List<WorkItems.DueRecord> due = this.items.dueBetween(OperationsConfiguration.ROUTINE.code(),
				period.start(this.zone), period.end(this.zone));
		List<RecordRef> records = due.stream()
			.map((d) -> new RecordRef("workItem", d.id(), d.number(), d.onTime()))
			.toList();
		return IndicatorValue.share(code, period.label(), records.stream().filter(RecordRef::counted).count(),
				records.size(), records);
	}

}
