package org.yunwei.capacity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.capacity.Capacity;
import org.yunwei.capacity.MetricFormData;
import org.yunwei.capacity.MetricView;
import org.yunwei.cmdb.CiRef;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.platform.HistoryClock;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.schedule.NonWorkingDayPolicy;
import org.yunwei.schedule.RecurringActivityFormData;
import org.yunwei.schedule.RecurringWork;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItems;

/**
 * The demo's capacity ({@code YUNWEI_DEMO=true}): weekly measurements of the main SAN,
 * the finance database's tablespace, the internet link's peak, the virtualisation
 * cluster's CPU and the mail store's free space over the history, each growing towards
 * its threshold; a capacity plan approved half-way through, whose frozen forecast the
 * later measurements are set against; the monthly capacity report as recurring work, and
 * the past months' reports approved — one late.
 */
@Component
@Order(63)
class CapacityDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CapacityDemo.class);

	private final boolean enabled;

	private final int days;

	private final ZoneId zone;

	private final Directory directory;

	private final AccessControl access;

	private final Capacity capacity;

	private final ConfigurationItems cis;

	private final WorkItems items;

	private final RecurringWork recurring;

	private final Random random = new Random(20261204L);

	CapacityDemo(@Value("${yunwei.demo:false}") boolean enabled, @Value("${yunwei.demo.history-days:365}") int days,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone, Directory directory, AccessControl access,
			Capacity capacity, ConfigurationItems cis, WorkItems items, RecurringWork recurring) {
		this.enabled = enabled;
		this.days = Math.max(28, Math.min(days, 730));
		this.zone = ZoneId.of(zone);
		this.directory = directory;
		this.access = access;
		this.capacity = capacity;
		this.cis = cis;
		this.items = items;
		this.recurring = recurring;
	}

	/**
	 * What is measured: name, unit, CI (pick words, class), threshold, rising, start,
	 * change per 30 days.
	 */
	private record Series(String name, String unit, String q, String classCode, double threshold, boolean rising,
			double start, double perMonth, double noise) {
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> manager = this.directory.userId("manager");
		Optional<Long> engineer = this.directory.userId("zhengwei");
		Optional<Long> head = this.directory.userId("ithead");
		if (!this.enabled || manager.isEmpty() || engineer.isEmpty() || head.isEmpty()
				|| !as(manager.get(), () -> this.capacity.metrics().isEmpty())) {
			return;
		}
		long started = System.nanoTime();
		List<Series> all = List.of(new Series("主存储已用容量", "TB", "DC-A-SAN-01", "storage", 180, true, 118, 4.2, 1.5),
				new Series("财务库表空间已用", "GB", "findb", "database", 900, true, 520, 24, 8),
				new Series("互联网出口带宽峰值", "Mbps", "WAN-RT-01", "network_device", 1000, true, 610, 16, 40),
				new Series("虚拟化集群 CPU 峰值", "%", "esxi-a001", "server", 85, true, 52, 1.6, 3),
				new Series("邮件存储剩余空间", "TB", "maildb", "database", 5, false, 32, -1.3, 0.6));
		LocalDate today = LocalDate.now(this.zone);
		LocalDate first = today.minusDays(this.days);
		LocalDate planDay = today.minusDays(this.days / 2);
		List<Long> metricIds = new ArrayList<>();
		List<List<org.yunwei.capacity.Capacity.MeasurementInput>> later = new ArrayList<>();
		as(engineer.get(), () -> {
			for (Series s : all) {
				List<CiRef> found = this.cis.pick(s.q(), s.classCode(), 1);
				if (found.isEmpty()) {
					continue;
				}
				MetricFormData f = new MetricFormData();
				f.setName(s.name());
				f.setUnit(s.unit());
				f.setCiNumber(found.get(0).number());
				f.setThreshold(BigDecimal.valueOf(s.threshold()));
				f.setRising(s.rising());
				this.directory.findGroup("SYSTEMS").ifPresent(f::setGroupId);
				MetricView m = at(first.atTime(9, 0), () -> this.capacity.createMetric(f));
				List<Capacity.MeasurementInput> before = new ArrayList<>();
				List<Capacity.MeasurementInput> after = new ArrayList<>();
				for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(7)) {
					double v = s.start() + s.perMonth() * (d.toEpochDay() - first.toEpochDay()) / 30.0
							+ this.random.nextGaussian() * s.noise();
					Capacity.MeasurementInput in = new Capacity.MeasurementInput(d,
							BigDecimal.valueOf(Math.max(0, v)).setScale(1, RoundingMode.HALF_UP));
					(d.isBefore(planDay) ? before : after).add(in);
				}
				if (before.size() >= 2) {
					at(planDay.atTime(8, 0), () -> this.capacity.record(m.id(), before));
				}
				metricIds.add(m.id());
				later.add(after);
			}
			return null;
		});
		// the plan, made and approved half-way: its forecast is what the history then
		// said
		if (!metricIds.isEmpty()) {
			YearMonth from = YearMonth.from(planDay);
			at(planDay.atTime(10, 0), () -> as(manager.get(), () -> {
				org.yunwei.capacity.CapacityPlanView p = this.capacity.createPlan(new Capacity.PlanInput(
						from.getYear() + " 年度容量计划（滚动）", manager.get(), from.atDay(1),
						from.plusMonths(11).atEndOfMonth(),
						"按当前增长趋势：主存储预计在计划期内接近阈值，须在年底前完成扩容采购；财务库表空间按月扩展数据文件；互联网出口带宽在重大活动前临时扩容；虚拟化集群新增两台主机。", metricIds));
				return this.capacity.approvePlan(p.id(), p.version());
			}));
		}
		as(engineer.get(), () -> {
			for (int i = 0; i < metricIds.size(); i++) {
				if (!later.get(i).isEmpty()) {
					long id = metricIds.get(i);
					List<Capacity.MeasurementInput> rest = later.get(i);
					at(today.atTime(7, 0), () -> this.capacity.record(id, rest));
				}
			}
			return null;
		});
		reports(manager.get(), head.get(), today, first);
		log.info("Demo capacity: {} records, a plan, monthly reports, in {} s", metricIds.size(),
				(System.nanoTime() - started) / 1_000_000_000);
	}

	/**
	 * The monthly report as recurring work from next month, and the past months' reports.
	 */
	private void reports(long manager, long head, LocalDate today, LocalDate first) {
		as(manager, () -> {
			RecurringActivityFormData f = new RecurringActivityFormData();
			f.setType(Capacity.REPORT_TYPE);
			f.setTitle("月度容量报告");
			f.setDescription("汇总各容量记录的当前值、占阈值比例、趋势与预计达到阈值的日期，提交运维主责部门负责人审批（8.3.8）。");
			f.setRrule("FREQ=MONTHLY;BYMONTHDAY=3");
			f.setStartDate(today.withDayOfMonth(1).plusMonths(1));
			f.setStartTime(LocalTime.of(9, 0));
			f.setPolicy(NonWorkingDayPolicy.NEXT_WORKING_DAY);
			f.setDueMinutes(5 * 24 * 60);
			this.directory.findGroup("SYSTEMS").ifPresent(f::setGroupId);
			this.recurring.create(f);
			return null;
		});
		int late = 0;
		for (YearMonth m = YearMonth.from(first).plusMonths(1); m
			.isBefore(YearMonth.from(today)); m = m.plusMonths(1)) {
			LocalDateTime raised = m.atDay(3).atTime(9, 0);
			YearMonth month = m;
			String number = at(raised, () -> as(manager, () -> {
				WorkItemFormData w = new WorkItemFormData();
				w.setTitle(month.minusMonths(1) + " 月度容量报告");
				w.setDueAt(raised.plusDays(5));
				this.directory.findGroup("SYSTEMS").ifPresent(w::setGroupId);
				String n = this.items.create(Capacity.REPORT_TYPE, w).number();
				this.items.take(this.items.get(n).id(), "submit",
						new TransitionRequest("本月容量情况见报告", null, null, null, null));
				return n;
			}));
			boolean lateOne = late++ == 1;
			at(raised.plusDays(lateOne ? 7 : 2), () -> {
				List<ApprovalView> approvals = as(manager, () -> this.items.approvals(this.items.get(number).id()));
				for (ApprovalView.Step s : approvals.get(0).steps()) {
					if (s.approverId() == head && s.active() && s.decision() == null) {
						this.access.runAs(head, () -> this.items.decide(s.id(), true, "同意"));
					}
				}
				return null;
			});
		}
	}

	private <T> T as(long user, Supplier<T> action) {
		return this.access.runAs(user, action);
	}

	private <T> T at(LocalDateTime moment, Supplier<T> action) {
		return HistoryClock.at(moment.atZone(this.zone).toInstant(), action);
	}

}
