package org.yunwei.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.yunwei.incident.CategoryView;
import org.yunwei.incident.DetailsFormData;
import org.yunwei.incident.Incidents;
import org.yunwei.incident.ResolutionCode;
import org.yunwei.incident.ReviewFormData;
import org.yunwei.knowledge.ArticleFormData;
import org.yunwei.knowledge.ArticleView;
import org.yunwei.knowledge.Knowledge;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.HistoryClock;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.problem.AnalysisFormData;
import org.yunwei.problem.CauseCategory;
import org.yunwei.problem.Problems;
import org.yunwei.servicedesk.Acceptance;
import org.yunwei.servicedesk.Callbacks;
import org.yunwei.servicedesk.Channel;
import org.yunwei.servicedesk.Rejection;
import org.yunwei.servicedesk.ServiceDesk;
import org.yunwei.servicedesk.TicketFormData;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * A year of service-desk history for the demo ({@code YUNWEI_DEMO=true}): incidents and
 * requests from the departments' users on every working day (more on Mondays, in January
 * and September, after summer storms; fewer around the Spring Festival and National Day),
 * taken, resolved, confirmed and rated — a few sent back, some called back; a few major
 * incidents with their communication and review; problems raised from recurring
 * incidents; knowledge drafted from resolved incidents, reviewed, and applied to later
 * ones. Everything is made through the product's own services, each step at its moment in
 * the past ({@link HistoryClock}), so every rule, clock, notification and index applies
 * as it would have.
 */
@Component
@Order(70)
class ServiceDeskHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ServiceDeskHistory.class);

	private static final String[] REQUESTERS = { "user", "zhuli", "qinhai", "youjia", "xuqiang", "hexue", "lvbo",
			"shiyu", "zhanghui", "kongling", "caolin", "yanjun", "huahong" };

	private static final String[] AGENTS = { "agent", "zhoujie", "wufang" };

	private static final String[] ROOMS = { "201", "203", "305", "306", "402", "418", "509", "512", "601", "大会议室",
			"档案室", "政务大厅" };

	private static final int[] RATINGS = { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2 };

	private static final int[] ARTICLE_THRESHOLDS = { 4, 12, 25, 45, 80 };

	private static final int MAX_ARTICLES = 76;

	private final boolean enabled;

	private final int days;

	private final double perDay;

	private final ZoneId zone;

	private final Directory directory;

	private final AccessControl access;

	private final ServiceDesk desk;

	private final WorkItems items;

	private final Incidents incidents;

	private final Problems problems;

	private final Knowledge knowledge;

	private final Callbacks callbacks;

	private final org.yunwei.workitem.ServiceOptions services;

	private final net.javacrumbs.shedlock.core.LockProvider locks;

	/** Service code by id, and the service each category of fault belongs to. */
	private final Map<String, Long> serviceIds = new HashMap<>();

	private final Random random = new Random(20261202L);

	private final Map<String, Long> users = new HashMap<>();

	private final Map<String, Long> categories = new HashMap<>();

	/** Resolved incidents per category, and the articles published for each. */
	private final Map<String, Integer> resolvedIn = new HashMap<>();

	private final Map<String, List<String>> articlesIn = new HashMap<>();

	/** Recent incidents per category (number, day), for problems. */
	private final Map<String, List<String>> recentIn = new LinkedHashMap<>();

	private int articles;

	private int tickets;

	private Instant now;

	ServiceDeskHistory(@Value("${yunwei.demo:false}") boolean enabled,
			@Value("${yunwei.demo.history-days:365}") int days,
			@Value("${yunwei.demo.tickets-per-day:8}") double perDay,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone, Directory directory, AccessControl access,
			ServiceDesk desk, WorkItems items, Incidents incidents, Problems problems, Knowledge knowledge,
			Callbacks callbacks, org.yunwei.workitem.ServiceOptions services,
			net.javacrumbs.shedlock.core.LockProvider locks) {
		this.locks = locks;
		this.services = services;
		this.enabled = enabled;
		this.days = days;
		this.perDay = perDay;
		this.zone = ZoneId.of(zone);
		this.directory = directory;
		this.access = access;
		this.desk = desk;
		this.items = items;
		this.incidents = incidents;
		this.problems = problems;
		this.knowledge = knowledge;
		this.callbacks = callbacks;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || this.days <= 0) {
			return;
		}
		for (String u : ConcatUsers.all()) {
			this.directory.userId(u).ifPresent((id) -> this.users.put(u, id));
		}
		if (!this.users.keySet().containsAll(ConcatUsers.all())) {
			return;
		}
		this.now = Instant.now();
		boolean loaded = !this.items
			.lifecycles("incident", WorkItems.Milestone.OPENED, this.now.minus(Duration.ofDays(this.days + 30L)),
					this.now.minus(Duration.ofDays(20)))
			.isEmpty();
		if (loaded) {
			return;
		}
		as("manager", () -> {
			for (CategoryView c : this.incidents.categories()) {
				this.categories.put(c.code(), c.id());
			}
			this.services.activeServices().forEach((o) -> this.serviceIds.put(o.code(), o.id()));
			return null;
		});
		// the SLA job must not judge the replayed clocks by today's time while they are
		// replayed
		Optional<net.javacrumbs.shedlock.core.SimpleLock> slaJob = this.locks
			.lock(new net.javacrumbs.shedlock.core.LockConfiguration(this.now, "sla-clocks", Duration.ofHours(1),
					Duration.ZERO));
		try {
			replay();
		}
		finally {
			slaJob.ifPresent(net.javacrumbs.shedlock.core.SimpleLock::unlock);
		}
	}

	private void replay() {
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(this.zone);
		LocalDate first = today.minusDays(this.days);
		List<Integer> majorDays = List.of(this.days * 11 / 100, this.days * 36 / 100, this.days * 61 / 100,
				this.days * 83 / 100);
		List<Integer> problemDays = List.of(this.days * 18 / 100, this.days * 40 / 100, this.days * 57 / 100,
				this.days * 72 / 100, this.days * 88 / 100, this.days * 95 / 100);
		for (int d = 0; d <= this.days; d++) {
			LocalDate day = first.plusDays(d);
			double rate = this.perDay * weekday(day.getDayOfWeek()) * season(day);
			int count = poisson(rate);
			List<Instant> times = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				times.add(moment(day));
			}
			times.sort(null);
			for (Instant at : times) {
				if (at.isAfter(this.now)) {
					continue;
				}
				try {
					if (this.random.nextDouble() < 0.3) {
						request(at);
					}
					else {
						incident(at);
					}
				}
				catch (DomainException | org.springframework.dao.ConcurrencyFailureException ex) {
					log.debug("Demo history: a ticket at {} was refused: {}", at, ex.getMessage());
				}
			}
			if (majorDays.contains(d)) {
				major(day, majorDays.indexOf(d));
			}
			if (problemDays.contains(d)) {
				problem(day, problemDays.indexOf(d));
			}
		}
		log.info("Demo history: {} tickets over {} days, {} articles drafted from incidents, in {} s", this.tickets,
				this.days, this.articles, (System.nanoTime() - started) / 1_000_000_000);
	}

	// ---- the calendar of demand

	private static double weekday(DayOfWeek d) {
		return switch (d) {
			case MONDAY -> 1.35;
			case FRIDAY -> 0.85;
			case SATURDAY, SUNDAY -> 0.08;
			default -> 1.0;
		};
	}

	private static double season(LocalDate day) {
		int m = day.getMonthValue();
		double f = switch (m) {
			case 1 -> 1.2;
			case 2 -> 0.65;
			case 3, 9 -> 1.2;
			case 7, 8 -> 1.1;
			case 10 -> 0.8;
			case 12 -> 1.1;
			default -> 1.0;
		};
		if (m == 10 && day.getDayOfMonth() <= 7) {
			f = 0.05;
		}
		return f;
	}

	private int poisson(double lambda) {
		double l = Math.exp(-lambda);
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= this.random.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

	/** A moment in the working day, busiest in the morning. */
	private Instant moment(LocalDate day) {
		int minutes = (this.random.nextDouble() < 0.6) ? 30 + this.random.nextInt(180) : 300 + this.random.nextInt(240);
		return day.atTime(LocalTime.of(8, 0)).plusMinutes(minutes).atZone(this.zone).toInstant();
	}

	private Instant later(Instant from, int minMinutes, int maxMinutes) {
		return from
			.plus(Duration.ofMinutes(minMinutes + (long) this.random.nextInt(Math.max(1, maxMinutes - minMinutes))));
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private <T> T as(String username, Supplier<T> action) {
		return this.access.runAs(this.users.get(username), action);
	}

	private <T> T at(Instant moment, String username, Supplier<T> action) {
		return HistoryClock.at(moment, () -> as(username, action));
	}

	/** The service a category of fault belongs to. */
	private static String service(String category) {
		if (category.startsWith("net.") || category.equals("sec.breach")) {
			return "NET";
		}
		if (category.equals("sw.mail")) {
			return "MAIL";
		}
		if (category.equals("hw.server") || category.equals("hw.storage")) {
			return "INFRA";
		}
		if (category.equals("sw.app") || category.equals("db")) {
			return "APPS";
		}
		return "DESKTOP";
	}

	// ---- one incident

	private void incident(Instant opened) {
		Templates.Fault fault = pick(Templates.FAULTS);
		String requester = pick(REQUESTERS);
		String agent = pick(AGENTS);
		String room = pick(ROOMS);
		TicketFormData form = new TicketFormData();
		form.setKind(TicketKind.INCIDENT);
		form.setTitle(fault.title() + (fault.located() ? "（" + room + "）" : ""));
		form.setDescription(fault.description());
		form.setUrgency(1 + this.random.nextInt(3));
		form.setServiceId(this.serviceIds.get(service(fault.category())));
		boolean phone = this.random.nextDouble() < 0.35;
		WorkItemView ticket;
		if (phone) {
			form.setRequesterId(this.users.get(requester));
			form.setImpact(fault.impact());
			ticket = at(opened, agent, () -> this.desk.raise(form, Channel.PHONE));
		}
		else {
			ticket = at(opened, requester,
					() -> this.desk.raise(form, (this.random.nextDouble() < 0.2) ? Channel.EMAIL : Channel.PORTAL));
		}
		this.tickets++;
		String number = ticket.number();
		Instant taken = phone ? later(opened, 1, 3)
				: (this.random.nextDouble() < 0.9) ? later(opened, 3, 40) : later(opened, 60, 300);
		if (taken.isAfter(this.now)) {
			return;
		}
		at(taken, agent,
				() -> this.items.take(ticket.id(), "take", new TransitionRequest(null, null, null, null, null)));
		Long category = this.categories.get(fault.category());
		if (category != null) {
			at(later(taken, 1, 5), agent, () -> {
				DetailsFormData details = new DetailsFormData();
				details.setVersion(this.incidents.details(number).version());
				details.setCategoryId(category);
				details.setResolutionCode(fault.code());
				return this.incidents.saveDetails(number, details);
			});
		}
		this.recentIn.computeIfAbsent(fault.category(), (k) -> new ArrayList<>()).add(number);
		int hours = (ticket.priority() <= 2) ? 4 : 24;
		Instant resolved = (this.random.nextDouble() < 0.85) ? later(taken, 10, hours * 30)
				: later(taken, hours * 60, hours * 200);
		if (resolved.isAfter(this.now)) {
			return;
		}
		List<String> known = this.articlesIn.getOrDefault(fault.category(), List.of());
		if (!known.isEmpty() && this.random.nextDouble() < 0.45) {
			String article = known.get(this.random.nextInt(known.size()));
			try {
				at(later(taken, 2, 8), agent, () -> this.knowledge.use(article, number));
			}
			catch (DomainException ex) {
				log.debug("Demo history: {} not applied on {}: {}", article, number, ex.getMessage());
			}
		}
		if (this.random.nextDouble() < 0.2) {
			at(later(taken, 3, 9), agent, () -> this.items.comment(ticket.id(), pick(Templates.NOTES), true));
		}
		at(resolved, agent, () -> this.items.take(ticket.id(), "resolve",
				new TransitionRequest(fault.resolution(), false, null, null, null)));
		this.resolvedIn.merge(fault.category(), 1, Integer::sum);
		maybeArticle(fault, number, resolved);
		close(ticket, requester, agent, resolved, fault.resolution());
	}

	/** The requester confirms (or sends it back once), or a callback closes it. */
	private void close(WorkItemView ticket, String requester, String agent, Instant resolved, String how) {
		String number = ticket.number();
		List<Callbacks.Link> calls = at(resolved, agent, () -> this.callbacks.involving(ticket.id()));
		Optional<Callbacks.Link> call = calls.stream().filter((c) -> c.ticketItemId() == ticket.id()).findFirst();
		if (call.isPresent()) {
			Instant called = later(resolved, 60, 60 * 24);
			if (called.isAfter(this.now)) {
				return;
			}
			boolean reached = this.random.nextDouble() < 0.85;
			at(called, agent,
					() -> this.items.take(call.get().callbackItemId(), reached ? "satisfied" : "unreachable",
							new TransitionRequest(reached ? "用户确认已恢复正常，对处理结果满意。" : "两次致电无人接听，按规定关闭。", false, null, null,
									null)));
			return;
		}
		Instant answered = later(resolved, 20, 60 * 20);
		if (answered.isAfter(this.now)) {
			return;
		}
		if (this.random.nextDouble() < 0.05) {
			at(answered, requester, () -> this.desk.reject(number, new Rejection("问题还在，刚才又出现了。", null)));
			Instant again = later(answered, 30, 240);
			if (again.isAfter(this.now)) {
				return;
			}
			at(again, agent, () -> this.items.take(ticket.id(), "resolve",
					new TransitionRequest("再次处理：" + how, false, null, null, null)));
			answered = later(again, 30, 60 * 8);
			if (answered.isAfter(this.now)) {
				return;
			}
		}
		int rating = RATINGS[this.random.nextInt(RATINGS.length)];
		String comment = (rating >= 4) ? pick(Templates.PRAISE) : (rating == 3) ? "解决了，但等得有点久。" : "处理太慢，影响了工作。";
		at(answered, requester, () -> this.desk.accept(number, new Acceptance(rating, comment, null)));
	}

	// ---- one request

	private void request(Instant opened) {
		Templates.Request r = pick(Templates.REQUESTS);
		String requester = pick(REQUESTERS);
		String agent = pick(AGENTS);
		TicketFormData form = new TicketFormData();
		form.setKind(TicketKind.REQUEST);
		form.setTitle(r.title());
		form.setDescription(r.description());
		form.setUrgency(3);
		form.setServiceId(this.serviceIds.get(r.title().contains("VPN") || r.title().contains("外网") ? "NET"
				: r.title().contains("邮箱") ? "MAIL" : r.title().contains("OA") ? "APPS" : "DESKTOP"));
		WorkItemView ticket = at(opened, requester, () -> this.desk.raise(form, Channel.PORTAL));
		this.tickets++;
		Instant taken = later(opened, 5, 120);
		if (taken.isAfter(this.now)) {
			return;
		}
		at(taken, agent,
				() -> this.items.take(ticket.id(), "take", new TransitionRequest(null, null, null, null, null)));
		Instant done = later(taken, 30, 60 * 30);
		if (done.isAfter(this.now)) {
			return;
		}
		at(done, agent, () -> this.items.take(ticket.id(), "resolve",
				new TransitionRequest(r.fulfilment(), false, null, null, null)));
		close(ticket, requester, agent, done, r.fulfilment());
	}

	// ---- knowledge drafted from what was resolved

	private void maybeArticle(Templates.Fault fault, String incident, Instant resolved) {
		int n = this.resolvedIn.get(fault.category());
		boolean threshold = false;
		for (int t : ARTICLE_THRESHOLDS) {
			threshold |= (n == t);
		}
		if (!threshold || this.articles >= MAX_ARTICLES || fault.article() == null) {
			return;
		}
		List<String> existing = this.articlesIn.computeIfAbsent(fault.category(), (k) -> new ArrayList<>());
		String title = fault.article() + ((existing.isEmpty()) ? "" : "（" + (existing.size() + 1) + "）");
		Instant drafted = later(resolved, 30, 240);
		String author = pick(AGENTS);
		ArticleView a = at(drafted, author, () -> {
			ArticleView draft = this.knowledge.draftFrom(incident);
			ArticleFormData form = ArticleFormData.of(draft);
			form.setTitle(title);
			form.setKeywords(fault.keywords());
			form.setVisibility(fault.publicArticle() ? org.yunwei.knowledge.Visibility.PUBLIC
					: org.yunwei.knowledge.Visibility.INTERNAL);
			this.knowledge.save(draft.number(), form);
			return this.knowledge.submit(draft.number());
		});
		Instant approved = later(drafted, 60, 60 * 30);
		at(approved, "manager", () -> {
			long itemId = this.items.get(a.draft().approvalNumber()).id();
			for (ApprovalView v : this.items.approvals(itemId)) {
				for (ApprovalView.Step s : v.steps()) {
					if (s.approverId() == this.users.get("manager") && s.decision() == null) {
						return this.items.decide(s.id(), true, "内容准确，同意发布");
					}
				}
			}
			return null;
		});
		existing.add(a.number());
		this.articles++;
	}

	// ---- major incidents

	private void major(LocalDate day, int which) {
		Templates.Major m = Templates.MAJORS[which % Templates.MAJORS.length];
		Instant opened = day.atTime(LocalTime.of(9, 12 + which * 7)).atZone(this.zone).toInstant();
		if (opened.isAfter(this.now)) {
			return;
		}
		TicketFormData form = new TicketFormData();
		form.setKind(TicketKind.INCIDENT);
		form.setTitle(m.title());
		form.setDescription(m.description());
		form.setUrgency(1);
		form.setImpact(1);
		form.setServiceId(this.serviceIds.get(which == 1 ? "MAIL" : which == 2 ? "APPS" : "NET"));
		form.setRequesterId(this.users.get(pick(REQUESTERS)));
		WorkItemView ticket = at(opened, "agent", () -> this.desk.raise(form, Channel.PHONE));
		this.tickets++;
		String number = ticket.number();
		at(later(opened, 1, 3), "agent",
				() -> this.items.take(ticket.id(), "take", new TransitionRequest(null, null, null, null, null)));
		Instant declared = later(opened, 5, 12);
		at(declared, "manager", () -> this.incidents.declareMajor(number, m.reason()));
		Instant update = declared;
		for (String message : m.updates()) {
			update = later(update, 20, 50);
			Instant u = update;
			at(u, "manager", () -> this.incidents.postUpdate(number, message));
		}
		Instant resolved = later(update, 15, 40);
		at(resolved, "agent", () -> this.items.take(ticket.id(), "resolve",
				new TransitionRequest(m.resolution(), false, null, null, null)));
		Instant reviewed = resolved.plus(Duration.ofHours(20));
		if (reviewed.isAfter(this.now)) {
			return;
		}
		at(reviewed, "manager", () -> {
			ReviewFormData review = new ReviewFormData();
			review.setSummary(m.review()[0]);
			review.setCause(m.review()[1]);
			review.setActions(m.review()[2]);
			review.setLessons(m.review()[3]);
			review.setComplete(true);
			return this.incidents.saveReview(number, review);
		});
		List<Callbacks.Link> calls = at(reviewed, "agent", () -> this.callbacks.involving(ticket.id()));
		calls.stream()
			.filter((c) -> c.ticketItemId() == ticket.id())
			.findFirst()
			.ifPresent((c) -> at(later(reviewed, 10, 60), "agent", () -> this.items.take(c.callbackItemId(),
					"satisfied", new TransitionRequest("各部门确认业务已恢复。", false, null, null, null))));
	}

	// ---- problems from recurring incidents

	private void problem(LocalDate day, int which) {
		Map.Entry<String, List<String>> most = null;
		for (Map.Entry<String, List<String>> e : this.recentIn.entrySet()) {
			if (e.getValue().size() >= 3 && (most == null || e.getValue().size() > most.getValue().size())
					&& Templates.PROBLEMS.containsKey(e.getKey())) {
				most = e;
			}
		}
		if (most == null) {
			return;
		}
		Templates.Problem p = Templates.PROBLEMS.get(most.getKey());
		List<String> recent = most.getValue();
		List<String> chosen = new ArrayList<>(recent.subList(Math.max(0, recent.size() - 3), recent.size()));
		recent.clear();
		Instant raised = day.atTime(LocalTime.of(16, 10)).atZone(this.zone).toInstant();
		if (raised.isAfter(this.now)) {
			return;
		}
		WorkItemView problem = at(raised, "manager", () -> this.problems.raise(chosen, p.title()));
		long id = problem.id();
		at(later(raised, 5, 30), "manager",
				() -> this.items.take(id, "take", new TransitionRequest(null, null, null, null, null)));
		Instant analysed = raised.plus(Duration.ofDays(2));
		if (analysed.isAfter(this.now)) {
			return;
		}
		at(analysed, "manager", () -> {
			AnalysisFormData a = new AnalysisFormData();
			a.setVersion(this.problems.analysis(problem.number()).version());
			a.setCauseCategory(p.cause());
			a.setWhy1(p.whys()[0]);
			a.setWhy2(p.whys()[1]);
			a.setWhy3(p.whys()[2]);
			a.setRootCause(p.rootCause());
			a.setWorkaround(p.workaround());
			return this.problems.save(problem.number(), a);
		});
		at(later(analysed, 10, 60), "manager", () -> this.items.take(id, "knownError",
				new TransitionRequest("已登记为已知错误，临时解决办法已发布给服务台。", false, null, null, null)));
		if (which % 3 == 2) {
			return;
		}
		Instant fixed = analysed.plus(Duration.ofDays(12 + this.random.nextInt(10)));
		if (fixed.isAfter(this.now)) {
			return;
		}
		at(fixed, "manager",
				() -> this.items.take(id, "resolve", new TransitionRequest(p.fix(), false, null, null, null)));
		Instant closed = fixed.plus(Duration.ofDays(7));
		if (closed.isAfter(this.now)) {
			return;
		}
		at(closed, "manager",
				() -> this.items.take(id, "close", new TransitionRequest("观察一周未再发生，关闭评审通过。", false, null, null, null)));
	}

	/** The demo users the history needs. */
	private static final class ConcatUsers {

		static List<String> all() {
			List<String> all = new ArrayList<>(List.of(REQUESTERS));
			all.addAll(List.of(AGENTS));
			all.add("manager");
			return all;
		}

	}

}
