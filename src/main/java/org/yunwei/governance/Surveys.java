package org.yunwei.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.notification.NotificationEvent;
import org.yunwei.notification.Notifications;
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
import org.yunwei.platform.web.PdfDocuments;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemCreated;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * User-satisfaction surveys (9.2 c): a work item of type {@code survey} with its
 * questionnaire — statements rated from 1 (very dissatisfied) to 5 (very satisfied) and a
 * comment — and who is asked: the people of some departments, or everyone. Sending it
 * ({@code surveyOpened}) fixes the people asked and tells them; each answers once, and
 * may change the answers while it is open. Its results — response rate, average and share
 * satisfied (4 or 5) per question and overall, the distribution, the comments without
 * names — are the basis of the survey report written before it completes
 * ({@code surveyReported}), which opens as a PDF.
 */
@Service
@Transactional
public class Surveys {

	public static final String TYPE = "survey";

	public static final int MAX_QUESTIONS = 20;

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItems items;

	private final Directory directory;

	private final AccessControl access;

	private final Notifications notifications;

	private final PdfDocuments pdf;

	private final AuditTrail trail;

	private final Clock clock;

	private final ZoneId zone;

	Surveys(NamedParameterJdbcTemplate jdbc, WorkItems items, Directory directory, AccessControl access,
			Notifications notifications, PdfDocuments pdf, AuditTrail trail, Clock clock,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.items = items;
		this.directory = directory;
		this.access = access;
		this.notifications = notifications;
		this.pdf = pdf;
		this.trail = trail;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** A question of the questionnaire. */
	public record Question(int seq, String text) {
	}

	/** How a question was answered. */
	public record QuestionResult(int seq, String text, long answers, BigDecimal average, List<Long> distribution,
			BigDecimal satisfiedShare) {

		/**
		 * The distribution as bar segments: for each rating 1–5 with answers, where it
		 * starts and how wide it is, in percent of the whole.
		 */
		public List<Segment> segments() {
			List<Segment> out = new ArrayList<>();
			double x = 0;
			for (int i = 0; i < this.distribution.size() && this.answers > 0; i++) {
				double w = this.distribution.get(i) * 100.0 / this.answers;
				if (w > 0) {
					out.add(new Segment(i + 1, this.distribution.get(i), Math.round(x * 10) / 10.0,
							Math.round(w * 10) / 10.0));
				}
				x += w;
			}
			return out;
		}

	}

	/** A bar segment of a rating's answers. */
	public record Segment(int rating, long count, double x, double width) {
	}

	/** A survey's results. */
	public record Results(long invited, long responded, BigDecimal responseRate, BigDecimal average,
			BigDecimal satisfiedShare, List<QuestionResult> questions, List<String> comments) {
	}

	/** A survey as those who run it see it. */
	public record SurveyView(long itemId, String number, String title, String state, String stateName,
			StateCategory category, int version, List<Question> questions, List<Long> departmentIds,
			List<String> departmentNames, LocalDate closesOn, String report, Instant openedAt, Results results) {

		public boolean draft() {
			return "draft".equals(this.state);
		}

		/** The questions one per line, as the form edits them. */
		public String questionLines() {
			return String.join("\n", this.questions.stream().map(Question::text).toList());
		}

	}

	/** A survey as it is drafted and reported. */
	public record Draft(List<String> questions, List<Long> departmentIds, LocalDate closesOn, String report,
			Integer version) {
	}

	/** A survey someone is asked to answer. */
	public record Invitation(String number, String title, LocalDate closesOn, boolean open, boolean answered) {
	}

	/** The questionnaire as the person asked sees it, with their answers so far. */
	public record Questionnaire(String number, String title, LocalDate closesOn, boolean open, List<Question> questions,
			Map<Integer, Integer> ratings, String comment, boolean answered) {
	}

	/** Someone's answers: a rating 1–5 per question and a comment. */
	public record Answers(Map<Integer, Integer> ratings, String comment) {
	}

	@EventListener
	void raised(WorkItemCreated event) {
		if (TYPE.equals(event.type())) {
			this.jdbc.update(
					"insert into gov_survey (item_id, number, version, created_at) values (:id, :number, 0, :at)",
					new MapSqlParameterSource("id", event.id()).addValue("number", event.number())
						.addValue("at", Timestamps.utc(this.clock.instant())));
		}
	}

	@Transactional(readOnly = true)
	public SurveyView get(String number) {
		WorkItemView item = this.items.get(number);
		if (!TYPE.equals(item.type())) {
			throw NotFound.of("survey", number);
		}
		return view(item);
	}

	private SurveyView view(WorkItemView item) {
		Map<String, Object> r = row(item.id());
		List<Question> questions = questions(item.id());
		List<Long> departments = ids((String) r.get("departments"));
		Map<Long, String> names = this.directory.departmentNames(departments);
		LocalDate closes = localDate(r.get("closes_on"));
		return new SurveyView(item.id(), item.number(), item.title(), item.state(), item.stateName(),
				item.stateCategory(), ((Number) r.get("version")).intValue(), questions, departments,
				departments.stream().map(names::get).filter(java.util.Objects::nonNull).toList(), closes,
				(String) r.get("report"), (r.get("opened_at") == null) ? null : Timestamps.instant(r.get("opened_at")),
				results(item.id(), questions));
	}

	private Map<String, Object> row(long itemId) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from gov_survey where item_id = :id",
				new MapSqlParameterSource("id", itemId));
		return rows.isEmpty() ? Map.of("version", 0) : rows.get(0);
	}

	private List<Question> questions(long itemId) {
		return this.jdbc.query("select seq, text from gov_survey_question where item_id = :id order by seq",
				new MapSqlParameterSource("id", itemId), (rs, n) -> new Question(rs.getInt(1), rs.getString(2)));
	}

	private static List<Long> ids(String stored) {
		return (stored == null || stored.isBlank()) ? List.of()
				: java.util.Arrays.stream(stored.split(",")).map(Long::valueOf).toList();
	}

	private Results results(long itemId, List<Question> asked) {
		MapSqlParameterSource p = new MapSqlParameterSource("id", itemId);
		long invited = count("select count(*) from gov_survey_invitee where item_id = :id", p);
		long responded = count("select count(*) from gov_survey_response where item_id = :id", p);
		Map<Integer, long[]> dist = new HashMap<>();
		this.jdbc.query("select seq, rating, count(*) from gov_survey_answer where item_id = :id group by seq, rating",
				p, (rs) -> {
					dist.computeIfAbsent(rs.getInt(1), (k) -> new long[6])[rs.getInt(2)] = rs.getLong(3);
				});
		List<QuestionResult> questions = new ArrayList<>();
		long all = 0;
		long sum = 0;
		long satisfied = 0;
		for (Question q : asked) {
			long[] d = dist.getOrDefault(q.seq(), new long[6]);
			long n = 0;
			long s = 0;
			for (int rating = 1; rating <= 5; rating++) {
				n += d[rating];
				s += rating * d[rating];
			}
			all += n;
			sum += s;
			satisfied += d[4] + d[5];
			questions.add(new QuestionResult(q.seq(), q.text(), n, ratio(s, n, 2),
					List.of(d[1], d[2], d[3], d[4], d[5]), percent(d[4] + d[5], n)));
		}
		List<String> comments = this.jdbc
			.queryForList("select comment from gov_survey_response where item_id = :id and comment is not null"
					+ " order by submitted_at", p, String.class);
		return new Results(invited, responded, percent(responded, invited), ratio(sum, all, 2), percent(satisfied, all),
				questions, comments);
	}

	private long count(String sql, MapSqlParameterSource p) {
		Long n = this.jdbc.queryForObject(sql, p, Long.class);
		return (n == null) ? 0 : n;
	}

	private static BigDecimal ratio(long n, long d, int scale) {
		return (d == 0) ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), scale, RoundingMode.HALF_UP);
	}

	private static BigDecimal percent(long n, long d) {
		return (d == 0) ? null : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(d), 1, RoundingMode.HALF_UP);
	}

	/**
	 * Saves the questionnaire and who is asked (only while drafting), when it closes and
	 * the report.
	 */
	public SurveyView save(String number, Draft d) {
		WorkItemView item = this.items.get(number);
		SurveyView current = get(number);
		if (!this.items.canWork(item.id())) {
			throw Forbidden.missing(NonconformityConfiguration.SURVEY.writePermission());
		}
		if (d.version() == null || d.version() != current.version()) {
			throw Conflict.staleVersion("survey", number);
		}
		List<String> questions = (d.questions() == null) ? List.of()
				: d.questions()
					.stream()
					.filter(java.util.Objects::nonNull)
					.map(String::strip)
					.filter((q) -> !q.isEmpty())
					.toList();
		List<Long> departments = (d.departmentIds() == null) ? List.of()
				: List.copyOf(new LinkedHashSet<>(d.departmentIds()));
		List<Violation> v = new ArrayList<>();
		if (questions.size() > MAX_QUESTIONS) {
			v.add(new Violation("questions", "survey.error.tooMany", List.of(MAX_QUESTIONS)));
		}
		if (questions.stream().anyMatch((q) -> q.length() > 300)) {
			v.add(new Violation("questions", "survey.error.questionLong", List.of(300)));
		}
		if (!this.directory.departmentNames(departments).keySet().containsAll(departments)) {
			v.add(new Violation("departmentIds", "survey.error.department", List.of()));
		}
		if (d.report() != null && d.report().length() > 8000) {
			v.add(new Violation("report", "nonconformity.error.tooLong", List.of(8000)));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		boolean draft = current.draft();
		if (!draft && (!questions.equals(current.questions().stream().map(Question::text).toList())
				|| !departments.equals(current.departmentIds()))) {
			throw new Conflict("survey.error.sent", number);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("id", item.id())
			.addValue("departments",
					departments.isEmpty() ? null : String.join(",", departments.stream().map(String::valueOf).toList()))
			.addValue("closes", d.closesOn())
			.addValue("report", (d.report() == null || d.report().isBlank()) ? null : d.report().strip());
		this.jdbc.update("update gov_survey set version = version + 1, departments = :departments,"
				+ " closes_on = :closes, report = :report where item_id = :id", p);
		if (draft) {
			this.jdbc.update("delete from gov_survey_question where item_id = :id", p);
			for (int i = 0; i < questions.size(); i++) {
				this.jdbc.update("insert into gov_survey_question (item_id, seq, text) values (:id, :seq, :text)",
						new MapSqlParameterSource("id", item.id()).addValue("seq", i + 1)
							.addValue("text", questions.get(i)));
			}
		}
		this.trail.record(
				AuditEvent.of(AuditAction.UPDATE, "survey", number, number + " " + questions.size() + " questions"));
		return get(number);
	}

	/**
	 * {@code surveyOpened}: a questionnaire and a closing date not past; the people asked
	 * are fixed — the active people of the departments chosen, or everyone — and told.
	 */
	void opened(TransitionContext context) {
		SurveyView s = view(context.item());
		if (s.questions().isEmpty()) {
			throw new Conflict("survey.error.noQuestions", s.number());
		}
		LocalDate today = LocalDate.ofInstant(context.now(), this.zone);
		if (s.closesOn() == null || s.closesOn().isBefore(today)) {
			throw new Conflict("survey.error.closes", s.number());
		}
		List<Long> people = this.directory.activeUsers().stream().map(Directory.Entry::id).toList();
		if (!s.departmentIds().isEmpty()) {
			Set<Long> in = Set.copyOf(s.departmentIds());
			Map<Long, Long> of = this.directory.departments(people);
			people = people.stream().filter((u) -> of.get(u) != null && in.contains(of.get(u))).toList();
		}
		if (people.isEmpty()) {
			throw new Conflict("survey.error.nobody", s.number());
		}
		this.jdbc.batchUpdate("insert into gov_survey_invitee (item_id, user_id) values (:id, :u)",
				people.stream()
					.map((u) -> new MapSqlParameterSource("id", s.itemId()).addValue("u", u))
					.toArray(MapSqlParameterSource[]::new));
		this.jdbc.update("update gov_survey set opened_at = :at where item_id = :id",
				new MapSqlParameterSource("id", s.itemId()).addValue("at", Timestamps.utc(context.now())));
		this.notifications.tell(NotificationEvent.SURVEY_INVITED, s.itemId(), new LinkedHashSet<>(people),
				Map.of("path", "/surveys/" + s.number(), "closes", s.closesOn().toString()));
	}

	/** {@code surveyReported}: the survey report is written. */
	void reported(TransitionContext context) {
		SurveyView s = view(context.item());
		if (s.report() == null || s.report().isBlank()) {
			throw new Conflict("survey.error.noReport", s.number());
		}
	}

	// ---- the people asked

	/** The surveys the signed-in person is asked to answer, newest first. */
	@Transactional(readOnly = true)
	public List<Invitation> mine() {
		CurrentUser me = this.access.user();
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select s.item_id, s.closes_on, s.opened_at, s.closed_at, (select count(*) from gov_survey_response r"
						+ " where r.item_id = s.item_id and r.user_id = :u) answered from gov_survey_invitee i join gov_survey s on s.item_id ="
						+ " i.item_id where i.user_id = :u order by s.opened_at desc fetch first 50 rows only",
				new MapSqlParameterSource("u", me.id()));
		Map<Long, org.yunwei.workitem.WorkItemBrief> briefs = this.items
			.briefs(rows.stream().map((r) -> ((Number) r.get("item_id")).longValue()).toList());
		List<Invitation> out = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			org.yunwei.workitem.WorkItemBrief b = briefs.get(((Number) r.get("item_id")).longValue());
			if (b != null && b.category() != StateCategory.CANCELLED) {
				out.add(new Invitation(b.number(), b.title(), localDate(r.get("closes_on")),
						r.get("opened_at") != null && r.get("closed_at") == null,
						((Number) r.get("answered")).longValue() > 0));
			}
		}
		return out;
	}

	private static LocalDate localDate(Object value) {
		return (value == null) ? null : (value instanceof LocalDate d) ? d : ((java.sql.Date) value).toLocalDate();
	}

	/** Whether a survey collects answers: sent, not yet closed, not cancelled. */
	private boolean isOpen(long itemId) {
		return isOpen(row(itemId));
	}

	private static boolean isOpen(Map<String, Object> row) {
		return row.get("opened_at") != null && row.get("closed_at") == null;
	}

	/** {@code surveyClosed}: answers are no longer taken. */
	void closed(TransitionContext context) {
		this.jdbc.update("update gov_survey set closed_at = :at where item_id = :id",
				new MapSqlParameterSource("id", context.item().id()).addValue("at", Timestamps.utc(context.now())));
	}

	/** The questionnaire for the signed-in person, who must be one of those asked. */
	@Transactional(readOnly = true)
	public Questionnaire questionnaire(String number) {
		CurrentUser me = this.access.user();
		long id = invited(number, me.id());
		Map<String, Object> r = row(id);
		org.yunwei.workitem.WorkItemBrief b = this.items.briefs(List.of(id)).get(id);
		Map<Integer, Integer> ratings = new LinkedHashMap<>();
		MapSqlParameterSource p = new MapSqlParameterSource("id", id).addValue("u", me.id());
		this.jdbc.query("select seq, rating from gov_survey_answer where item_id = :id and user_id = :u order by seq",
				p, (rs) -> {
					ratings.put(rs.getInt(1), rs.getInt(2));
				});
		List<String> comment = this.jdbc.queryForList(
				"select comment from gov_survey_response where item_id = :id and user_id = :u", p, String.class);
		return new Questionnaire(b.number(), b.title(), localDate(r.get("closes_on")), isOpen(r), questions(id),
				ratings, comment.isEmpty() ? null : comment.get(0), !comment.isEmpty() || !ratings.isEmpty());
	}

	private long invited(String number, long userId) {
		List<Long> ids = this.jdbc.queryForList(
				"select i.item_id from gov_survey_invitee i join gov_survey s on s.item_id = i.item_id"
						+ " where i.user_id = :u and s.number = :number",
				new MapSqlParameterSource("u", userId).addValue("number", number), Long.class);
		if (ids.isEmpty()) {
			throw NotFound.of("survey", number);
		}
		return ids.get(0);
	}

	/** Records (or, while the survey is open, changes) the signed-in person's answers. */
	public Questionnaire answer(String number, Answers a) {
		CurrentUser me = this.access.user();
		long id = invited(number, me.id());
		if (!isOpen(id)) {
			throw new Conflict("survey.error.notOpen", number);
		}
		List<Question> questions = questions(id);
		Map<Integer, Integer> ratings = (a.ratings() == null) ? Map.of() : a.ratings();
		List<Violation> v = new ArrayList<>();
		for (Question q : questions) {
			Integer rating = ratings.get(q.seq());
			if (rating == null || rating < 1 || rating > 5) {
				v.add(new Violation("ratings[" + q.seq() + "]", "survey.error.rating", List.of(q.seq())));
			}
		}
		if (a.comment() != null && a.comment().length() > 2000) {
			v.add(new Violation("comment", "nonconformity.error.tooLong", List.of(2000)));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("id", id).addValue("u", me.id())
			.addValue("comment", (a.comment() == null || a.comment().isBlank()) ? null : a.comment().strip())
			.addValue("at", Timestamps.utc(this.clock.instant()));
		this.jdbc.update("delete from gov_survey_answer where item_id = :id and user_id = :u", p);
		if (this.jdbc.update("update gov_survey_response set comment = :comment, submitted_at = :at"
				+ " where item_id = :id and user_id = :u", p) == 0) {
			this.jdbc.update("insert into gov_survey_response (item_id, user_id, comment, submitted_at)"
					+ " values (:id, :u, :comment, :at)", p);
		}
		for (Question q : questions) {
			this.jdbc.update("insert into gov_survey_answer (item_id, user_id, seq, rating) values (:id, :u, :seq, :r)",
					new MapSqlParameterSource("id", id).addValue("u", me.id())
						.addValue("seq", q.seq())
						.addValue("r", ratings.get(q.seq())));
		}
		this.trail.record(AuditEvent.of(AuditAction.UPDATE, "surveyResponse", number, number + " answered"));
		return questionnaire(number);
	}

	/** The survey report as a PDF in a language. */
	@Transactional(readOnly = true)
	public byte[] reportPdf(String number, Locale locale) {
		SurveyView s = get(number);
		byte[] bytes = this.pdf.render("governance/report-survey", Map.of("s", s, "generatedOn",
				LocalDate.ofInstant(this.clock.instant(), this.zone), "generatedBy", this.access.user().displayName()),
				locale);
		this.trail.record(AuditEvent.of(AuditAction.EXPORT, "survey", number, number + " report pdf"));
		return bytes;
	}

}
