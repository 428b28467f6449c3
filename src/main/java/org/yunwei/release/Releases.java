package org.yunwei.release;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.event.EventListener;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemCreated;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemTransitioned;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Release management (8.3.7). A release is a work item of type {@code release}; this
 * service keeps its type under the release policy, the changes it groups, its plans, test
 * results per environment, the deployment log, rollback and early-life support; the
 * release policy; the periodic release reviews; and the guards the release workflow
 * calls: {@code releaseTested} (no authorisation while a test has failed or a required
 * one is missing), {@code releaseAuthorised}, {@code releaseDeployed}.
 */
@Service
@Transactional
public class Releases {

	public static final String TYPE = "release";

	public static final String READ = "release:read";

	public static final String WRITE = "release:write";

	/** The release policy and release reviews. */
	public static final String MANAGE = "release:manage";

	private static final String CHANGE_TYPE = "change";

	private static final int TEXT_MAX = 20000;

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final WorkItems items;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	Releases(NamedParameterJdbcTemplate jdbc, AccessControl access, WorkItems items, Directory directory,
			AuditTrail audit, Clock clock, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.access = access;
		this.items = items;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** A test run as it is recorded. */
	public record TestInput(@NotNull Environment environment, @NotNull TestResult result,
			@Size(max = 4000) String summary) {
	}

	/** A deployment as it is logged (local date-times in the user's time zone). */
	public record DeploymentInput(@NotNull Environment environment, @NotNull DeploymentOutcome outcome,
			Boolean rollbackUsed, @Size(max = 20000) String log,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startedAt,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime finishedAt) {
	}

	/** A release type's policy as a manager sets it. */
	public record PolicyInput(Integer version, List<Environment> testEnvironments, Boolean acceptanceRequired,
			Boolean rollbackRequired, Integer earlyLifeDays, @Size(max = 2000) String description) {
	}

	/** A release review as it is held. */
	public record ReviewInput(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @Size(max = 20000) String findings,
			@Size(max = 20000) String improvements) {
	}

	// ---- raising

	public WorkItemView raise(ReleaseFormData form) {
		this.access.require(WRITE);
		ReleaseType type = (form.getReleaseType() == null) ? ReleaseType.MINOR : form.getReleaseType();
		WorkItemView item = this.items.create(TYPE, form);
		this.jdbc.update(
				"update rel_release set release_type = :type, release_version = :v, planned_deploy_at = :at"
						+ " where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("type", type.name())
					.addValue("v", blank(form.getReleaseVersion()))
					.addValue("at", Timestamps.utc(instant(form.getPlannedDeployAt()))));
		return item;
	}

	/** Every release gets its row when it is created, however it is created. */
	@EventListener
	void created(WorkItemCreated event) {
		if (!TYPE.equals(event.type())) {
			return;
		}
		WorkItemView item = this.items.get(String.valueOf(event.id()));
		this.jdbc.update(
				"insert into rel_release (item_id, number, version, release_type, state, state_category, raised_at,"
						+ " updated_at) values (:id, :number, 0, 'MINOR', :state, :category, :at, :at)",
				new MapSqlParameterSource("id", item.id()).addValue("number", item.number())
					.addValue("state", item.state())
					.addValue("category", item.stateCategory().name())
					.addValue("at", Timestamps.utc(item.openedAt())));
	}

	@EventListener
	void transitioned(WorkItemTransitioned event) {
		if (!TYPE.equals(event.type())) {
			return;
		}
		this.jdbc.update(
				"update rel_release set state = :state, state_category = :category, updated_at = :at"
						+ " where item_id = :id",
				new MapSqlParameterSource("id", event.id()).addValue("state", event.to())
					.addValue("category", event.toCategory().name())
					.addValue("at", Timestamps.utc(this.clock.instant())));
	}

	// ---- reading

	@Transactional(readOnly = true)
	public ReleaseView get(String number) {
		return view(release(number));
	}

	private ReleaseView view(WorkItemView item) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from rel_release where item_id = :id",
				new MapSqlParameterSource("id", item.id()));
		if (rows.isEmpty()) {
			throw NotFound.of(TYPE, item.number());
		}
		Map<String, Object> r = rows.get(0);
		ReleaseType type = ReleaseType.valueOf((String) r.get("release_type"));
		MapSqlParameterSource id = new MapSqlParameterSource("id", item.id());
		List<Long> changeIds = this.jdbc
			.queryForList("select change_id from rel_change where item_id = :id order by change_id", id, Long.class);
		List<ReleaseView.ChangeRef> changes = new ArrayList<>();
		if (!changeIds.isEmpty()) {
			for (WorkItemRow c : this.items.rows(CHANGE_TYPE, changeIds)) {
				changes.add(new ReleaseView.ChangeRef(c.id(), c.number(), c.title(), c.state()));
			}
		}
		Set<Long> people = new HashSet<>();
		List<Object[]> tests = new ArrayList<>();
		this.jdbc.query("select * from rel_test where item_id = :id order by executed_at, id", id, (rs) -> {
			tests.add(new Object[] { rs.getLong("id"), rs.getString("environment"), rs.getString("result"),
					rs.getString("summary"), rs.getObject("executed_by", Long.class),
					Timestamps.instant(rs.getObject("executed_at")) });
		});
		List<Object[]> deployments = new ArrayList<>();
		this.jdbc.query("select * from rel_deployment where item_id = :id order by finished_at, id", id, (rs) -> {
			deployments.add(new Object[] { rs.getLong("id"), rs.getString("environment"), rs.getString("outcome"),
					rs.getBoolean("rollback_used"), rs.getString("log"), rs.getObject("performed_by", Long.class),
					Timestamps.instant(rs.getObject("started_at")), Timestamps.instant(rs.getObject("finished_at")) });
		});
		tests.forEach((t) -> addIfPresent(people, (Long) t[4]));
		deployments.forEach((d) -> addIfPresent(people, (Long) d[5]));
		Map<Long, String> names = people.isEmpty() ? Map.of() : this.directory.userNames(people);
		List<ReleaseView.TestView> testViews = tests.stream()
			.map((t) -> new ReleaseView.TestView((Long) t[0], Environment.valueOf((String) t[1]),
					TestResult.valueOf((String) t[2]), (String) t[3], names.get((Long) t[4]), (Instant) t[5]))
			.toList();
		List<ReleaseView.DeploymentView> deploymentViews = deployments.stream()
			.map((d) -> new ReleaseView.DeploymentView((Long) d[0], Environment.valueOf((String) d[1]),
					DeploymentOutcome.valueOf((String) d[2]), (Boolean) d[3], (String) d[4], names.get((Long) d[5]),
					(Instant) d[6], (Instant) d[7]))
			.toList();
		return new ReleaseView(item.id(), item.number(), item.title(), ((Number) r.get("version")).intValue(), type,
				(String) r.get("release_version"), item.state(), item.stateCategory(),
				Timestamps.instant(r.get("raised_at")), (String) r.get("release_plan"), (String) r.get("build_plan"),
				(String) r.get("test_plan"), (String) r.get("acceptance_criteria"), (String) r.get("rollback_plan"),
				Timestamps.instant(r.get("planned_deploy_at")), Timestamps.instant(r.get("authorised_at")),
				Timestamps.instant(r.get("deployed_at")),
				(r.get("deployment_outcome") == null) ? null
						: DeploymentOutcome.valueOf((String) r.get("deployment_outcome")),
				(Boolean) r.get("rollback_used"), (Boolean) r.get("tested_before"),
				Timestamps.instant(r.get("early_life_until")), policy(type), changes, testViews, deploymentViews);
	}

	// ---- planning

	public ReleaseView savePlan(String number, ReleasePlanFormData form) {
		WorkItemView item = release(number);
		requireWork(item);
		ReleaseView r = view(item);
		if (form.getVersion() == null || form.getVersion() != r.version()) {
			throw Conflict.staleVersion(TYPE, r.number());
		}
		if (!r.planEditable()) {
			throw new Conflict("release.error.planLocked", r.number());
		}
		this.jdbc.update("update rel_release set version = version + 1, release_version = :v,"
				+ " planned_deploy_at = :at, release_plan = :plan, build_plan = :build, test_plan = :test,"
				+ " acceptance_criteria = :acceptance, rollback_plan = :rollback, updated_at = :now where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("v", blank(form.getReleaseVersion()))
					.addValue("at", Timestamps.utc(instant(form.getPlannedDeployAt())))
					.addValue("plan", cut(form.getReleasePlan()))
					.addValue("build", cut(form.getBuildPlan()))
					.addValue("test", cut(form.getTestPlan()))
					.addValue("acceptance", cut(form.getAcceptanceCriteria()))
					.addValue("rollback", cut(form.getRollbackPlan()))
					.addValue("now", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "releasePlan", item.id(), r.number()));
		return view(item);
	}

	/** Groups a change into the release (before it is authorised). */
	public ReleaseView addChange(String number, String changeNumber) {
		WorkItemView item = release(number);
		requireWork(item);
		ReleaseView r = view(item);
		if (!r.planEditable()) {
			throw new Conflict("release.error.planLocked", r.number());
		}
		String n = blank(changeNumber);
		if (n == null) {
			throw new ValidationFailed("change", "release.error.changeRequired");
		}
		WorkItemView change;
		try {
			change = this.items.get(n);
		}
		catch (NotFound ex) {
			throw new ValidationFailed("change", "release.error.notAChange", n);
		}
		if (!CHANGE_TYPE.equals(change.type())) {
			throw new ValidationFailed("change", "release.error.notAChange", n);
		}
		if (r.changes().stream().anyMatch((c) -> c.id() == change.id())) {
			throw new Conflict("release.error.changeTwice", change.number());
		}
		this.jdbc.update("insert into rel_change (item_id, change_id) values (:id, :change)",
				new MapSqlParameterSource("id", item.id()).addValue("change", change.id()));
		this.audit.record(
				AuditEvent.of(AuditAction.UPDATE, "releaseChange", item.id(), r.number() + " + " + change.number()));
		return view(item);
	}

	public ReleaseView removeChange(String number, long changeId) {
		WorkItemView item = release(number);
		requireWork(item);
		ReleaseView r = view(item);
		if (!r.planEditable()) {
			throw new Conflict("release.error.planLocked", r.number());
		}
		this.jdbc.update("delete from rel_change where item_id = :id and change_id = :change",
				new MapSqlParameterSource("id", item.id()).addValue("change", changeId));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "releaseChange", item.id(), r.number() + " - " + changeId));
		return view(item);
	}

	// ---- testing and deploying

	/** Records a test run in an environment, while the release is built and tested. */
	public ReleaseView recordTest(String number, TestInput test) {
		WorkItemView item = release(number);
		requireWork(item);
		ReleaseView r = view(item);
		if (!r.testing()) {
			throw new Conflict("release.error.notTesting", r.number());
		}
		if (test == null || test.environment() == null || test.result() == null) {
			throw new ValidationFailed("result", "release.error.testResultRequired");
		}
		if (test.environment() == Environment.PRODUCTION) {
			throw new ValidationFailed("environment", "release.error.testInProduction");
		}
		if (blank(test.summary()) == null) {
			throw new ValidationFailed("summary", "release.error.testSummary");
		}
		CurrentUser me = this.access.user();
		this.jdbc.update(
				"insert into rel_test (item_id, environment, result, summary, executed_by, executed_at)"
						+ " values (:id, :env, :result, :summary, :me, :at)",
				new MapSqlParameterSource("id", item.id()).addValue("env", test.environment().name())
					.addValue("result", test.result().name())
					.addValue("summary", cutTo(test.summary().strip(), 4000))
					.addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "releaseTest", item.id(),
				r.number() + " " + test.environment() + " " + test.result()));
		return view(item);
	}

	/** Logs a deployment to an environment, once the release is authorised. */
	public ReleaseView logDeployment(String number, DeploymentInput d) {
		WorkItemView item = release(number);
		requireWork(item);
		ReleaseView r = view(item);
		if (!r.deploying()) {
			throw new Conflict("release.error.notDeploying", r.number());
		}
		if (d == null || d.environment() == null || d.outcome() == null) {
			throw new ValidationFailed("outcome", "release.error.deploymentRequired");
		}
		if (blank(d.log()) == null) {
			throw new ValidationFailed("log", "release.error.deploymentLog");
		}
		Instant now = this.clock.instant();
		Instant finished = (d.finishedAt() != null) ? instant(d.finishedAt()) : now;
		Instant started = (d.startedAt() != null) ? instant(d.startedAt()) : finished;
		if (finished.isBefore(started)) {
			throw new ValidationFailed("finishedAt", "release.error.deploymentWindow");
		}
		if (finished.isAfter(now.plus(Duration.ofMinutes(2)))) {
			throw new ValidationFailed("finishedAt", "release.error.deploymentFuture");
		}
		boolean rollback = Boolean.TRUE.equals(d.rollbackUsed()) || d.outcome() == DeploymentOutcome.ROLLED_BACK;
		CurrentUser me = this.access.user();
		this.jdbc.update(
				"insert into rel_deployment (item_id, environment, outcome, rollback_used, log, performed_by,"
						+ " started_at, finished_at) values (:id, :env, :outcome, :rollback, :log, :me, :start, :end)",
				new MapSqlParameterSource("id", item.id()).addValue("env", d.environment().name())
					.addValue("outcome", d.outcome().name())
					.addValue("rollback", rollback)
					.addValue("log", cut(d.log()))
					.addValue("me", me.id())
					.addValue("start", Timestamps.utc(started))
					.addValue("end", Timestamps.utc(finished)));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "releaseDeployment", item.id(),
				r.number() + " " + d.environment() + " " + d.outcome()));
		return view(item);
	}

	// ---- readiness and the workflow guards

	/**
	 * What the release still lacks before it can be authorised under its policy: changes,
	 * plans, the planned deployment, and a passing latest test in every required
	 * environment — a failed latest test anywhere stops it.
	 */
	@Transactional(readOnly = true)
	public List<Violation> readiness(String number) {
		return readiness(view(release(number)));
	}

	private List<Violation> readiness(ReleaseView r) {
		List<Violation> v = new ArrayList<>();
		PolicyView p = r.policy();
		if (r.changes().isEmpty()) {
			v.add(new Violation("changes", "release.error.changesRequired", List.of()));
		}
		if (blank(r.releasePlan()) == null) {
			v.add(new Violation("releasePlan", "release.error.releasePlanRequired", List.of()));
		}
		if (blank(r.testPlan()) == null) {
			v.add(new Violation("testPlan", "release.error.testPlanRequired", List.of()));
		}
		if (p.rollbackRequired() && blank(r.rollbackPlan()) == null) {
			v.add(new Violation("rollbackPlan", "release.error.rollbackPlanRequired", List.of()));
		}
		if (p.acceptanceRequired() && blank(r.acceptanceCriteria()) == null) {
			v.add(new Violation("acceptanceCriteria", "release.error.acceptanceRequired", List.of()));
		}
		if (r.plannedDeployAt() == null) {
			v.add(new Violation("plannedDeployAt", "release.error.deployDateRequired", List.of()));
		}
		Map<Environment, ReleaseView.TestView> latest = r.latestTests();
		for (Map.Entry<Environment, ReleaseView.TestView> t : latest.entrySet()) {
			if (t.getValue().result() == TestResult.FAILED) {
				v.add(new Violation("tests", "release.error.testFailed", List.of(name(t.getKey()))));
			}
		}
		for (Environment e : required(p)) {
			if (!latest.containsKey(e)) {
				v.add(new Violation("tests", "release.error.testMissing", List.of(name(e))));
			}
		}
		return v;
	}

	/** An environment's name in the reader's language, for the messages that name it. */
	private String name(Environment e) {
		return this.messages.getMessage(e.messageKey(), null, e.name(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	/**
	 * The environments a passing test is required in: the policy's, and UAT for
	 * acceptance.
	 */
	private static Set<Environment> required(PolicyView p) {
		Set<Environment> out = p.testEnvironments().isEmpty() ? EnumSet.noneOf(Environment.class)
				: EnumSet.copyOf(p.testEnvironments());
		if (p.acceptanceRequired()) {
			out.add(Environment.UAT);
		}
		return out;
	}

	/**
	 * {@code releaseTested}: refused while the release is not ready (a failed test above
	 * all).
	 */
	void tested(TransitionContext context) {
		List<Violation> v = readiness(view(context.item()));
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
	}

	/** {@code releaseAuthorised}: the release may be deployed from now. */
	void authorised(TransitionContext context) {
		this.jdbc.update("update rel_release set authorised_at = :at, version = version + 1 where item_id = :id",
				new MapSqlParameterSource("id", context.item().id()).addValue("at", Timestamps.utc(context.now())));
	}

	/**
	 * {@code releaseDeployed}: finished only with its production deployment logged; keeps
	 * its outcome, whether the rollback was used, whether every required test had passed
	 * before it, and the end of early-life support.
	 */
	void deployed(TransitionContext context) {
		ReleaseView r = view(context.item());
		List<ReleaseView.DeploymentView> production = r.deployments()
			.stream()
			.filter((d) -> d.environment() == Environment.PRODUCTION)
			.toList();
		if (production.isEmpty()) {
			throw new Conflict("release.error.productionDeploymentMissing", r.number());
		}
		ReleaseView.DeploymentView last = production.get(production.size() - 1);
		Instant firstStart = production.get(0).startedAt();
		boolean rollback = r.deployments().stream().anyMatch(ReleaseView.DeploymentView::rollbackUsed);
		// untested: no passing test at all before the deployment, or none in an
		// environment
		// the policy requires
		boolean tested = r.tests()
			.stream()
			.anyMatch((t) -> t.result() == TestResult.PASSED && !t.executedAt().isAfter(firstStart));
		for (Environment e : required(r.policy())) {
			ReleaseView.TestView before = null;
			for (ReleaseView.TestView t : r.tests()) {
				if (t.environment() == e && !t.executedAt().isAfter(firstStart)) {
					before = t;
				}
			}
			tested &= before != null && before.result() == TestResult.PASSED;
		}
		this.jdbc.update(
				"update rel_release set deployed_at = :at, deployment_outcome = :outcome, rollback_used = :rollback,"
						+ " tested_before = :tested, early_life_until = :until, version = version + 1"
						+ " where item_id = :id",
				new MapSqlParameterSource("id", r.itemId()).addValue("at", Timestamps.utc(last.finishedAt()))
					.addValue("outcome", last.outcome().name())
					.addValue("rollback", rollback)
					.addValue("tested", tested)
					.addValue("until",
							Timestamps.utc(last.finishedAt().plus(Duration.ofDays(r.policy().earlyLifeDays())))));
	}

	// ---- the release policy

	@Transactional(readOnly = true)
	public List<PolicyView> policies() {
		this.access.require(READ);
		List<PolicyView> out = new ArrayList<>();
		for (ReleaseType t : ReleaseType.values()) {
			out.add(policy(t));
		}
		return out;
	}

	private PolicyView policy(ReleaseType type) {
		return this.jdbc
			.queryForObject("select p.*, u.display_name from rel_policy p left join pf_user u on u.id = p.updated_by"
					+ " where p.release_type = :t", new MapSqlParameterSource("t", type.name()), (rs, n) -> {
						String envs = rs.getString("test_environments");
						List<Environment> list = (envs == null || envs.isBlank()) ? List.of()
								: Arrays.stream(envs.split(",")).map(String::strip).map(Environment::valueOf).toList();
						return new PolicyView(type, rs.getInt("version"), list, rs.getBoolean("acceptance_required"),
								rs.getBoolean("rollback_required"), rs.getInt("early_life_days"),
								rs.getString("description"), rs.getString("display_name"),
								Timestamps.instant(rs.getObject("updated_at")));
					});
	}

	public PolicyView savePolicy(ReleaseType type, PolicyInput in) {
		CurrentUser me = this.access.require(MANAGE);
		PolicyView current = policy(type);
		if (in.version() == null || in.version() != current.version()) {
			throw Conflict.staleVersion("releasePolicy", type.name());
		}
		int days = (in.earlyLifeDays() == null) ? current.earlyLifeDays() : in.earlyLifeDays();
		if (days < 0 || days > 365) {
			throw new ValidationFailed("earlyLifeDays", "release.error.earlyLifeDays");
		}
		List<Environment> envs = (in.testEnvironments() == null) ? List.of() : in.testEnvironments();
		if (envs.contains(Environment.PRODUCTION)) {
			throw new ValidationFailed("testEnvironments", "release.error.testInProduction");
		}
		this.jdbc.update(
				"update rel_policy set version = version + 1, test_environments = :envs, acceptance_required = :acc,"
						+ " rollback_required = :rb, early_life_days = :days, description = :d, updated_by = :me,"
						+ " updated_at = :at where release_type = :t",
				new MapSqlParameterSource("t", type.name())
					.addValue("envs", String.join(",", envs.stream().distinct().map(Enum::name).toList()))
					.addValue("acc", Boolean.TRUE.equals(in.acceptanceRequired()))
					.addValue("rb", Boolean.TRUE.equals(in.rollbackRequired()))
					.addValue("days", days)
					.addValue("d", blank(in.description()))
					.addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "releasePolicy", type.name(), null));
		return policy(type);
	}

	// ---- release reviews

	@Transactional(readOnly = true)
	public List<ReleaseReviewView> reviews() {
		this.access.require(READ);
		return this.jdbc.query(
				"select r.*, u.display_name from rel_review r left join pf_user u on u.id = r.held_by"
						+ " order by r.held_at desc, r.id desc fetch first 200 rows only",
				new MapSqlParameterSource(),
				(rs, n) -> new ReleaseReviewView(rs.getLong("id"), rs.getObject("period_from", LocalDate.class),
						rs.getObject("period_to", LocalDate.class), rs.getInt("releases"), rs.getInt("successful"),
						rs.getString("findings"), rs.getString("improvements"), rs.getString("display_name"),
						Timestamps.instant(rs.getObject("held_at"))));
	}

	/**
	 * Holds a release review of a period: the releases deployed in it and how many
	 * succeeded are counted from the records; the findings and improvements are the
	 * reviewers'.
	 */
	public ReleaseReviewView holdReview(ReviewInput in) {
		CurrentUser me = this.access.require(MANAGE);
		if (in.from() == null || in.to() == null || in.to().isBefore(in.from())) {
			throw new ValidationFailed("to", "release.error.reviewPeriod");
		}
		if (blank(in.findings()) == null) {
			throw new ValidationFailed("findings", "release.error.reviewFindings");
		}
		ZoneId zone = this.items.zone();
		MapSqlParameterSource p = new MapSqlParameterSource("from",
				Timestamps.utc(in.from().atStartOfDay(zone).toInstant()))
			.addValue("to", Timestamps.utc(in.to().plusDays(1).atStartOfDay(zone).toInstant()));
		Map<String, Object> counts = this.jdbc.queryForMap("select count(*) as n, coalesce(sum(case when"
				+ " deployment_outcome = 'SUCCEEDED' and rollback_used = false then 1 else 0 end), 0) as ok"
				+ " from rel_release where deployed_at >= :from and deployed_at < :to", p);
		int releases = ((Number) counts.get("n")).intValue();
		int successful = ((Number) counts.get("ok")).intValue();
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.update(
				"insert into rel_review (period_from, period_to, releases, successful, findings, improvements,"
						+ " held_by, held_at) values (:f, :t, :n, :ok, :findings, :improvements, :me, :at)",
				new MapSqlParameterSource("f", in.from()).addValue("t", in.to())
					.addValue("n", releases)
					.addValue("ok", successful)
					.addValue("findings", cut(in.findings()))
					.addValue("improvements", cut(in.improvements()))
					.addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())),
				keys, new String[] { "id" });
		long id = keys.getKey().longValue();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "releaseReview", id, in.from() + " – " + in.to()));
		return reviews().stream().filter((r) -> r.id() == id).findFirst().orElseThrow();
	}

	// ---- helpers

	/** The releases that group a change (for the change's page). */
	@Transactional(readOnly = true)
	public List<WorkItemRow> releasesOf(long changeId) {
		List<Long> ids = this.jdbc.queryForList("select item_id from rel_change where change_id = :c",
				new MapSqlParameterSource("c", changeId), Long.class);
		return ids.isEmpty() ? List.of() : this.items.rows(TYPE, ids);
	}

	private WorkItemView release(String number) {
		WorkItemView item = this.items.get(number);
		if (!TYPE.equals(item.type())) {
			throw NotFound.of(TYPE, number);
		}
		return item;
	}

	private void requireWork(WorkItemView item) {
		if (!this.items.canWork(item.id())) {
			throw Forbidden.missing(WRITE);
		}
	}

	@Transactional(readOnly = true)
	public boolean canWork(long itemId) {
		return this.items.canWork(itemId);
	}

	public boolean canManage() {
		return this.access.user().has(MANAGE);
	}

	private Instant instant(LocalDateTime t) {
		return (t == null) ? null : t.atZone(this.items.zone()).toInstant();
	}

	private static void addIfPresent(Set<Long> set, Long id) {
		if (id != null) {
			set.add(id);
		}
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String cut(String s) {
		String b = blank(s);
		return (b == null) ? null : cutTo(b, TEXT_MAX);
	}

	private static String cutTo(String s, int max) {
		return (s.length() <= max) ? s : s.substring(0, max);
	}

}
