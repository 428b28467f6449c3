package org.yunwei.capacity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.capacity.Capacity;
import org.yunwei.capacity.CapacityPlanView;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.workitem.WorkItems;

/**
 * Capacity management's key indicators (8.3.8.2): 8.3.8-1 容量计划的准确性和完整性 — of the month-end
 * predictions the approved plans froze for months ending in the period, the share the
 * measurement came within 10 % of (accuracy; completeness — the plans of the period with
 * owner, period, content, records with forecasts and approval — is a part); 8.3.8-2
 * 容量管理报告提交率 — capacity reports due in the period approved by their due time.
 */
@Component
@Transactional(readOnly = true)
class CapacityIndicators implements IndicatorSource {

	/** How far a measurement may be from the prediction for the prediction to count. */
	static final BigDecimal TOLERANCE = new BigDecimal("0.10");

	private final Capacity capacity;

	private final WorkItems items;

	private final ZoneId zone;

	CapacityIndicators(Capacity capacity, WorkItems items, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.capacity = capacity;
		this.items = items;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition("8.3.8-1", "容量计划的准确性和完整性",
				"准确性：已批准容量计划对期间内各月末的预测中，实测值与预测值相差不超过 10% 的预测数 ÷ 有实测值的预测数；完整性（分项）：期间内的容量计划中，负责人、期间、内容、含预测的容量记录和批准齐全的计划数 ÷ 计划数",
				"Accuracy: of the month-end predictions approved capacity plans froze for months ending in the period "
						+ "and measured, those the measurement came within 10 % of ÷ those measured; completeness (a "
						+ "part): plans of the period with owner, period, content, records with forecasts and approval "
						+ "÷ plans of the period",
				"%"),
				new IndicatorDefinition("8.3.8-2", "容量管理报告提交率", "期间内到期的容量管理报告中，在到期时间前获批准的报告数 ÷ 期间内到期的报告数",
						"Capacity reports due in the period approved by their due time ÷ capacity reports due in the "
								+ "period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		Instant from = period.start(this.zone);
		Instant to = period.end(this.zone);
		if ("8.3.8-2".equals(code)) {
			List<RecordRef> records = new ArrayList<>();
			long onTime = 0;
			List<WorkItems.DueRecord> due = this.items.dueBetween(Capacity.REPORT_TYPE, from, to);
			for (WorkItems.DueRecord r : due) {
				boolean ok = r.onTime();
				onTime += ok ? 1 : 0;
				records.add(new RecordRef("workItem", r.id(), r.number(), ok));
			}
			return IndicatorValue.share(code, period.label(), onTime, due.size(), records);
		}
		LocalDate first = from.atZone(this.zone).toLocalDate();
		LocalDate last = to.atZone(this.zone).toLocalDate().minusDays(1);
		List<RecordRef> records = new ArrayList<>();
		long accurate = 0;
		long measured = 0;
		long complete = 0;
		List<CapacityPlanView> plans = this.capacity.plansOverlapping(first, last);
		for (CapacityPlanView p : plans) {
			complete += p.complete() ? 1 : 0;
			if (!p.approved()) {
				records.add(new RecordRef("capacityPlan", p.id(), p.title() + " · draft", false));
				continue;
			}
			long planAccurate = 0;
			long planMeasured = 0;
			for (CapacityPlanView.Covered c : p.metrics()) {
				for (CapacityPlanView.Predicted x : c.predicted()) {
					if (x.monthEnd().isBefore(first) || x.monthEnd().isAfter(last) || x.actual() == null) {
						continue;
					}
					planMeasured++;
					if (within(x.predicted(), x.actual())) {
						planAccurate++;
					}
				}
			}
			accurate += planAccurate;
			measured += planMeasured;
			records.add(new RecordRef("capacityPlan", p.id(), p.title() + " · " + planAccurate + "/" + planMeasured,
					planMeasured > 0 && planAccurate == planMeasured));
		}
		return IndicatorValue.share(code, period.label(), accurate, measured, records)
			.withParts(List.of(IndicatorValue.part("completeness", "完整性", "Completeness", complete, plans.size())));
	}

	static boolean within(BigDecimal predicted, BigDecimal actual) {
		if (predicted.signum() == 0) {
			return actual.signum() == 0;
		}
		BigDecimal error = actual.subtract(predicted).abs().divide(predicted.abs(), 4, RoundingMode.HALF_UP);
		return error.compareTo(TOLERANCE) <= 0;
	}

}
