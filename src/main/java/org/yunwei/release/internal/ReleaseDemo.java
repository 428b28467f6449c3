package org.yunwei.release.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.platform.HistoryClock;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.release.DeploymentOutcome;
import org.yunwei.release.Environment;
import org.yunwei.release.ReleaseFormData;
import org.yunwei.release.ReleasePlanFormData;
import org.yunwei.release.ReleaseType;
import org.yunwei.release.Releases;
import org.yunwei.release.TestResult;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemFilter;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItems;

/**
 * The demo's releases ({@code YUNWEI_DEMO=true}), consistent with its changes: each month
 * the implemented changes are delivered by a release (a major one each quarter, tested in
 * the test, acceptance and pre-production environments; minor ones in the test
 * environment), authorised by the O&amp;M head and deployed to production with the log;
 * one major release fails acceptance first, one minor release is rolled back. A release
 * review after each quarter. Everything through the product's services, at its moment.
 */
@Component
@Order(61)
class ReleaseDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReleaseDemo.class);

	private final boolean enabled;

	private final ZoneId zone;

	private final Directory directory;

	private final AccessControl access;

	private final Releases releases;

	private final WorkItems items;

	private long manager;

	private long head;

	private long engineer;

	private int count;

	ReleaseDemo(@Value("${yunwei.demo:false}") boolean enabled, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone,
			Directory directory, AccessControl access, Releases releases, WorkItems items) {
		this.enabled = enabled;
		this.zone = ZoneId.of(zone);
		this.directory = directory;
		this.access = access;
		this.releases = releases;
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> m = this.directory.userId("manager");
		Optional<Long> h = this.directory.userId("ithead");
		Optional<Long> e = this.directory.userId("shenyan");
		if (!this.enabled || m.isEmpty() || h.isEmpty() || e.isEmpty()) {
			return;
		}
		this.manager = m.get();
		this.head = h.get();
		this.engineer = e.get();
		if (!as(this.manager, () -> this.items.list(WorkItemFilter.of(Releases.TYPE), null, 1).items().isEmpty())) {
			return;
		}
		long started = System.nanoTime();
		// the application changes (the application support group's) are what releases
		// deliver
		Optional<Long> apps = this.directory.findGroup("APP-SUPPORT");
		if (apps.isEmpty()) {
			return;
		}
		String appGroup = this.directory.groupNames(List.of(apps.get())).get(apps.get());
		Map<YearMonth, List<WorkItemRow>> byMonth = new TreeMap<>();
		as(this.manager, () -> {
			String after = null;
			do {
				KeysetPage<WorkItemRow> page = this.items.list(WorkItemFilter.of("change"), after, 100);
				for (WorkItemRow r : page.items()) {
					if (r.stateCategory() == StateCategory.DONE && r.resolvedAt() != null
							&& appGroup.equals(r.groupName())) {
						byMonth
							.computeIfAbsent(YearMonth.from(r.resolvedAt().atZone(this.zone)), (k) -> new ArrayList<>())
							.add(r);
					}
				}
				after = page.next();
			}
			while (after != null);
			return null;
		});
		YearMonth current = YearMonth.now(this.zone);
		int month = 0;
		for (Map.Entry<YearMonth, List<WorkItemRow>> e2 : byMonth.entrySet()) {
			if (!e2.getKey().isBefore(current)) {
				continue;
			}
			List<WorkItemRow> changes = e2.getValue();
			changes.sort(java.util.Comparator.comparing(WorkItemRow::resolvedAt));
			boolean major = e2.getKey().getMonthValue() % 3 == 0;
			release(e2.getKey(), changes.subList(0, Math.min(changes.size(), 4)), major, month == 1 && major,
					month == 2);
			month++;
		}
		LocalDate today = LocalDate.now(this.zone);
		for (YearMonth q = current.minusMonths(24); q.isBefore(current); q = q.plusMonths(1)) {
			YearMonth end = q;
			boolean released = byMonth.keySet()
				.stream()
				.anyMatch((k) -> !k.isAfter(end) && !k.isBefore(end.minusMonths(2)) && k.isBefore(current));
			if (q.getMonthValue() % 3 == 0 && released && q.atEndOfMonth().plusDays(5).isBefore(today)) {
				review(q);
			}
		}
		log.info("Demo releases: {} in {} s", this.count, (System.nanoTime() - started) / 1_000_000_000);
	}

	private void release(YearMonth month, List<WorkItemRow> changes, boolean major, boolean failAcceptance,
			boolean rollBack) {
		Instant first = changes.get(0).openedAt();
		Instant deployAt = changes.get(changes.size() - 1).resolvedAt();
		LocalDateTime raised = LocalDateTime.ofInstant(first, this.zone).plusHours(1);
		LocalDateTime deploy = LocalDateTime.ofInstant(deployAt, this.zone).minusMinutes(40);
		if (!deploy.isAfter(raised.plusHours(6))) {
			deploy = raised.plusHours(6);
		}
		LocalDateTime deployment = deploy;
		String version = "V" + (month.getYear() % 100) + "." + month.getMonthValue() + ".0";
		String number = at(raised, () -> as(this.engineer, () -> {
			ReleaseFormData f = new ReleaseFormData();
			f.setReleaseType(major ? ReleaseType.MAJOR : ReleaseType.MINOR);
			f.setTitle(month.getYear() + " 年 " + month.getMonthValue() + " 月应用" + (major ? "重大" : "例行") + "发布");
			f.setReleaseVersion(version);
			f.setPlannedDeployAt(deployment);
			this.directory.findGroup("APP-SUPPORT").ifPresent(f::setGroupId);
			String n = this.releases.raise(f).number();
			for (WorkItemRow c : changes) {
				this.releases.addChange(n, c.number());
			}
			ReleasePlanFormData p = ReleasePlanFormData.of(this.releases.get(n), this.zone);
			p.setReleasePlan("按变更窗口发布本月 " + changes.size() + " 项变更，应用支持组实施，服务台值守");
			p.setBuildPlan("由流水线从 release 分支构建安装包与镜像，制品库留存");
			p.setTestPlan(major ? "测试环境回归测试；验收环境业务验收；预发布环境性能测试" : "测试环境回归测试");
			p.setAcceptanceCriteria("业务部门按验收清单签字确认核心流程正常");
			p.setRollbackPlan("恢复上一版本安装包与数据库备份");
			this.releases.savePlan(n, p);
			take(n, "build");
			return n;
		}));
		this.count++;
		LocalDateTime testing = raised.plusHours(2);
		at(testing, () -> as(this.engineer, () -> {
			test(number, Environment.TEST, TestResult.PASSED, "回归测试通过");
			if (major) {
				test(number, Environment.STAGING, TestResult.PASSED, "预发布环境压测通过");
				test(number, Environment.UAT, failAcceptance ? TestResult.FAILED : TestResult.PASSED,
						failAcceptance ? "业务验收发现报表导出格式错误" : "业务部门验收通过");
			}
			return null;
		}));
		if (failAcceptance) {
			at(testing.plusHours(2), () -> as(this.engineer, () -> {
				test(number, Environment.UAT, TestResult.PASSED, "修复导出格式后业务部门复验通过");
				return null;
			}));
		}
		at(testing.plusHours(3), () -> as(this.engineer, () -> {
			take(number, "submit");
			return null;
		}));
		at(testing.plusHours(4), () -> {
			List<ApprovalView> approvals = as(this.manager, () -> this.items.approvals(this.items.get(number).id()));
			for (ApprovalView.Step s : approvals.get(0).steps()) {
				if (s.approverId() == this.head && s.active() && s.decision() == null) {
					this.access.runAs(this.head, () -> this.items.decide(s.id(), true, "同意发布"));
				}
			}
			return null;
		});
		at(deploy.plusMinutes(30), () -> as(this.engineer, () -> {
			org.yunwei.release.ReleaseView r = this.releases.get(number);
			if (!r.deploying()) {
				return null;
			}
			this.releases.logDeployment(number,
					new Releases.DeploymentInput(Environment.PRODUCTION,
							rollBack ? DeploymentOutcome.ROLLED_BACK : DeploymentOutcome.SUCCEEDED, rollBack,
							rollBack ? "部署后接口大量超时，按回退方案恢复上一版本" : "停止旧版本，部署 " + version + "，冒烟测试通过", deployment,
							deployment.plusMinutes(30)));
			take(number, "deployed");
			return null;
		}));
		LocalDateTime closing = deploy.plusDays(major ? 15 : 8);
		if (closing.isBefore(LocalDateTime.now(this.zone))) {
			at(closing, () -> as(this.manager, () -> {
				if ("earlyLife".equals(this.releases.get(number).state())) {
					take(number, "close");
				}
				return null;
			}));
		}
	}

	private void review(YearMonth quarterEnd) {
		LocalDate from = quarterEnd.minusMonths(2).atDay(1);
		LocalDate to = quarterEnd.atEndOfMonth();
		at(to.plusDays(5).atTime(15, 0), () -> as(this.manager, () -> {
			this.releases.holdReview(
					new Releases.ReviewInput(from, to, "本季度发布均按策略完成测试与授权；个别发布验收问题发现较晚", "验收清单增加报表导出检查；重大发布提前一周进入验收环境"));
			return null;
		}));
	}

	private void test(String number, Environment env, TestResult result, String summary) {
		this.releases.recordTest(number, new Releases.TestInput(env, result, summary));
	}

	private void take(String number, String transition) {
		this.items.take(this.items.get(number).id(), transition, new TransitionRequest(null, null, null, null, null));
	}

	private <T> T as(long user, Supplier<T> action) {
		return this.access.runAs(user, action);
	}

	private <T> T at(LocalDateTime moment, Supplier<T> action) {
		return HistoryClock.at(moment.atZone(this.zone).toInstant(), action);
	}

}
