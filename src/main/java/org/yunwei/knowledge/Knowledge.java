package org.yunwei.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.incident.CategoryView;
import org.yunwei.incident.IncidentDetails;
import org.yunwei.incident.Incidents;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.files.FileStore;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.search.Search;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.JournalEntryView;
import org.yunwei.workitem.JournalKind;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The knowledge base. Readers see published articles their visibility allows (everyone,
 * IT staff, or their groups); an article's owner and knowledge managers also see what is
 * under way. The owner (with {@code knowledge:write}) or a manager edits the draft and
 * submits it: a {@code kbapproval} work item asks the reviewers, whose decision publishes
 * the version (the one before is superseded and kept) or returns it with the reason.
 */
@Service
@Transactional
public class Knowledge {

	public static final String READ = "knowledge:read";

	public static final String WRITE = "knowledge:write";

	public static final String MANAGE = "knowledge:manage";

	/** The work-item type through which a version is reviewed and approved. */
	public static final String APPROVAL_TYPE = "kbapproval";

	/** The kind under which articles are found by the kernel's search. */
	public static final String SEARCH_KIND = "article";

	private static final String RECORD_TYPE = "article";

	private static final String ROW_SELECT = "select a.id, a.number, a.state, a.visibility, a.views, a.helpful_yes,"
			+ " a.helpful_no, a.next_review_on, a.updated_at, u.display_name as owner_name, c.name_zh, c.name_en,"
			+ " coalesce(cv.title, (select v.title from kb_version v where v.article_id = a.id"
			+ " and v.state in ('DRAFT', 'IN_REVIEW') order by v.label desc fetch first 1 rows only)) as title,"
			+ " (select count(*) from kb_version p where p.article_id = a.id and p.state in ('DRAFT', 'IN_REVIEW'))"
			+ " as pending from kb_article a join pf_user u on u.id = a.owner_id"
			+ " left join kb_version cv on cv.id = a.current_version_id"
			+ " left join inc_category c on c.id = a.category_id";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final Directory directory;

	private final WorkItems workItems;

	private final Incidents incidents;

	private final FileStore store;

	private final Search search;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final int reviewWarningDays;

	Knowledge(NamedParameterJdbcTemplate jdbc, AccessControl access, Directory directory, WorkItems workItems,
			Incidents incidents, FileStore store, Search search, AuditTrail audit, Clock clock,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone,
			@Value("${yunwei.knowledge.review-warning-days:30}") int reviewWarningDays) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.workItems = workItems;
		this.incidents = incidents;
		this.store = store;
		this.search = search;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.reviewWarningDays = reviewWarningDays;
	}

	/**
	 * Every change to an article goes into the audit trail: what was done, and to what.
	 */
	private void audit(AuditAction action, long id, String number, String what, String detail) {
		String label = (number != null) ? number : this.jdbc.queryForObject(
				"select number from kb_article where id = :id", new MapSqlParameterSource("id", id), String.class);
		this.audit.record(AuditEvent.of(action, RECORD_TYPE, id, label + " " + what)
			.withChange(what, null, (detail == null) ? null : abbreviate(detail)));
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	// ---- reading

	/** A page of the articles the caller may see, newest first. */
	@Transactional(readOnly = true)
	public KeysetPage<ArticleRow> list(ArticleFilter filter, String after, Integer size) {
		CurrentUser me = this.access.user();
		int n = KeysetPage.size(size);
		StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where ");
		MapSqlParameterSource p = new MapSqlParameterSource();
		sql.append(readable(me, p));
		if (filter.state() != null) {
			sql.append(" and a.state = :state");
			p.addValue("state", filter.state().name());
		}
		else {
			sql.append(" and a.state <> 'RETIRED'");
		}
		if (filter.categoryId() != null) {
			List<Long> ids = subtree(filter.categoryId());
			sql.append(" and a.category_id in (:categories)");
			p.addValue("categories", ids);
		}
		if (filter.mine()) {
			sql.append(" and a.owner_id = :me");
		}
		if (filter.reviewDue()) {
			sql.append(" and a.state = 'PUBLISHED' and a.next_review_on <= :warnOn");
			p.addValue("warnOn", today().plusDays(this.reviewWarningDays));
		}
		String cursor = KeysetPage.decode(after);
		if (cursor != null) {
			try {
				p.addValue("after", Long.parseLong(cursor));
			}
			catch (NumberFormatException ex) {
				throw new ValidationFailed("after", "error.cursor");
			}
			sql.append(" and a.id < :after");
		}
		sql.append(" order by a.id desc fetch first ").append(n + 1).append(" rows only");
		List<ArticleRow> rows = rows(sql.toString(), p);
		return KeysetPage.of(rows, n, (r) -> String.valueOf(r.id()));
	}

	/** Published articles due for review within the warning window, soonest first. */
	@Transactional(readOnly = true)
	public List<ArticleRow> reviewDue(Long ownerId, int limit) {
		CurrentUser me = this.access.user();
		MapSqlParameterSource p = new MapSqlParameterSource("warnOn", today().plusDays(this.reviewWarningDays));
		StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where ")
			.append(readable(me, p))
			.append(" and a.state = 'PUBLISHED' and a.next_review_on <= :warnOn");
		if (ownerId != null) {
			sql.append(" and a.owner_id = :owner");
			p.addValue("owner", ownerId);
		}
		sql.append(" order by a.next_review_on, a.id fetch first ").append(Math.max(1, limit)).append(" rows only");
		return rows(sql.toString(), p);
	}

	private List<ArticleRow> rows(String sql, MapSqlParameterSource p) {
		LocalDate warnOn = today().plusDays(this.reviewWarningDays);
		List<ArticleRow> raw = this.jdbc.query(sql, p, (rs, i) -> row(rs, warnOn, 0));
		Map<Long, Long> uses = uses(raw.stream().map(ArticleRow::id).toList());
		return raw.stream()
			.map((r) -> new ArticleRow(r.id(), r.number(), r.title(), r.state(), r.pending(), r.categoryZh(),
					r.categoryEn(), r.visibility(), r.ownerName(), r.views(), r.helpfulYes(), r.helpfulNo(),
					uses.getOrDefault(r.id(), 0L), r.nextReviewOn(), r.reviewDue(), r.updatedAt()))
			.toList();
	}

	private static ArticleRow row(ResultSet rs, LocalDate warnOn, long uses) throws SQLException {
		java.sql.Date review = rs.getDate("next_review_on");
		LocalDate next = (review == null) ? null : review.toLocalDate();
		ArticleState state = ArticleState.valueOf(rs.getString("state"));
		return new ArticleRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"), state,
				rs.getLong("pending") > 0, rs.getString("name_zh"), rs.getString("name_en"),
				Visibility.valueOf(rs.getString("visibility")), rs.getString("owner_name"), rs.getLong("views"),
				rs.getInt("helpful_yes"), rs.getInt("helpful_no"), uses, next,
				state == ArticleState.PUBLISHED && next != null && !next.isAfter(warnOn),
				rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
	}

	/**
	 * How often each article was used: linked to a ticket that has been resolved.
	 */
	private Map<Long, Long> uses(Collection<Long> articleIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (articleIds.isEmpty()) {
			return counts;
		}
		List<long[]> links = this.jdbc.query("select article_id, item_id from kb_use where article_id in (:ids)",
				new MapSqlParameterSource("ids", articleIds), (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) });
		Set<Long> resolved = this.workItems.resolvedAmong(links.stream().map((l) -> l[1]).toList());
		for (long[] l : links) {
			if (resolved.contains(l[1])) {
				counts.merge(l[0], 1L, Long::sum);
			}
		}
		return counts;
	}

	/** The SQL condition of the articles the caller may see. */
	private String readable(CurrentUser me, MapSqlParameterSource p) {
		p.addValue("me", me.id());
		if (me.has(MANAGE)) {
			return "1 = 1";
		}
		String published = "(a.state = 'PUBLISHED' and (a.visibility = 'PUBLIC'";
		if (me.has(READ)) {
			published += " or a.visibility = 'INTERNAL'";
			if (!me.groupIds().isEmpty()) {
				published += " or (a.visibility = 'GROUP' and exists (select 1 from kb_article_group g"
						+ " where g.article_id = a.id and g.group_id in (:myGroups)))";
				p.addValue("myGroups", me.groupIds());
			}
		}
		return "(a.owner_id = :me or " + published + ")))";
	}

	private boolean readable(CurrentUser me, Map<String, Object> a, Set<Long> groups) {
		if (me.has(MANAGE) || Objects.equals(number(a.get("owner_id")), me.id())) {
			return true;
		}
		if (!ArticleState.PUBLISHED.name().equals(a.get("state"))) {
			return false;
		}
		Visibility v = Visibility.valueOf((String) a.get("visibility"));
		return switch (v) {
			case PUBLIC -> true;
			case INTERNAL -> me.has(READ);
			case GROUP -> me.has(READ) && groups.stream().anyMatch(me.groupIds()::contains);
		};
	}

	/** An article the caller may read. */
	@Transactional(readOnly = true)
	public ArticleView get(String number) {
		CurrentUser me = this.access.user();
		Map<String, Object> a = find(number);
		Set<Long> groups = groups(number(a.get("id")));
		if (!readable(me, a, groups)) {
			throw NotFound.of(RECORD_TYPE, number);
		}
		return view(me, a, groups);
	}

	/** Reads an article and counts the view (not the owner's own). */
	public ArticleView read(String number) {
		ArticleView a = get(number);
		if (a.state() == ArticleState.PUBLISHED && a.owner().id() != this.access.user().id()) {
			this.jdbc.update("update kb_article set views = views + 1 where id = :id",
					new MapSqlParameterSource("id", a.id()));
		}
		return a;
	}

	private ArticleView view(CurrentUser me, Map<String, Object> a, Set<Long> groupIds) {
		long id = number(a.get("id"));
		boolean canManage = me.has(MANAGE);
		boolean canEdit = canManage || (me.has(WRITE) && Objects.equals(number(a.get("owner_id")), me.id()));
		List<ArticleView.Version> versions = this.jdbc.query(
				"select v.*, cu.display_name as created_name, pu.display_name as published_name from kb_version v"
						+ " left join pf_user cu on cu.id = v.created_by left join pf_user pu on pu.id = v.published_by"
						+ " where v.article_id = :id order by v.label desc",
				new MapSqlParameterSource("id", id), (rs, i) -> version(rs));
		ArticleView.Version current = versions.stream()
			.filter((v) -> v.state() == VersionState.PUBLISHED)
			.findFirst()
			.orElse(null);
		ArticleView.Version draft = versions.stream()
			.filter((v) -> v.state() == VersionState.DRAFT || v.state() == VersionState.IN_REVIEW)
			.findFirst()
			.orElse(null);
		List<ArticleView.Version> history = versions.stream()
			.filter((v) -> v.state() == VersionState.SUPERSEDED)
			.toList();
		if (!canEdit) {
			draft = null;
		}
		List<ArticleView.FileView> files = this.jdbc.query(
				"select f.*, u.display_name from kb_file f left join pf_user u on u.id = f.uploaded_by"
						+ " where f.article_id = :id order by f.id",
				new MapSqlParameterSource("id", id),
				(rs, i) -> new ArticleView.FileView(rs.getLong("id"), rs.getString("file_name"),
						rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
						rs.getString("display_name"), instant(rs, "uploaded_at")));
		Long categoryId = number(a.get("category_id"));
		CategoryView category = (categoryId == null) ? null
				: this.incidents.categories().stream().filter((c) -> c.id() == categoryId).findFirst().orElse(null);
		Map<Long, String> groupNames = this.directory.groupNames(groupIds);
		List<ArticleView.Ref> groups = groupIds.stream()
			.map((g) -> new ArticleView.Ref(g, groupNames.getOrDefault(g, "#" + g)))
			.toList();
		long ownerId = number(a.get("owner_id"));
		List<Boolean> vote = this.jdbc.queryForList(
				"select helpful from kb_feedback where article_id = :id and user_id = :me",
				new MapSqlParameterSource("id", id).addValue("me", me.id()), Boolean.class);
		Long sourceId = number(a.get("source_item_id"));
		String sourceType = (sourceId == null) ? null
				: this.workItems.briefs(List.of(sourceId))
					.values()
					.stream()
					.findFirst()
					.map((b) -> b.type())
					.orElse(null);
		LocalDate next = localDate(a.get("next_review_on"));
		ArticleState state = ArticleState.valueOf((String) a.get("state"));
		return new ArticleView(id, ((Number) a.get("version")).intValue(), (String) a.get("number"), state, category,
				Visibility.valueOf((String) a.get("visibility")), groups,
				new ArticleView.Ref(ownerId, this.directory.userNames(List.of(ownerId)).get(ownerId)),
				((Number) a.get("review_months")).intValue(), next,
				state == ArticleState.PUBLISHED && next != null
						&& !next.isAfter(today().plusDays(this.reviewWarningDays)),
				(String) a.get("source_number"), sourceType, number(a.get("views")),
				((Number) a.get("helpful_yes")).intValue(), ((Number) a.get("helpful_no")).intValue(),
				uses(List.of(id)).getOrDefault(id, 0L), vote.isEmpty() ? null : vote.get(0), current, draft, history,
				files, (String) a.get("retired_reason"), Timestamps.instant(a.get("created_at")),
				Timestamps.instant(a.get("updated_at")), canEdit, canManage);
	}

	private static LocalDate localDate(Object o) {
		if (o == null) {
			return null;
		}
		if (o instanceof LocalDate d) {
			return d;
		}
		if (o instanceof java.sql.Date d) {
			return d.toLocalDate();
		}
		return LocalDate.parse(o.toString());
	}

	private static ArticleView.Version version(ResultSet rs) throws SQLException {
		return new ArticleView.Version(rs.getLong("id"), rs.getInt("label"),
				VersionState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("body"),
				rs.getString("keywords"), rs.getString("change_note"), rs.getString("approval_number"),
				rs.getString("rejected_reason"), rs.getString("created_name"), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "submitted_at"), rs.getString("published_name"),
				instant(rs, "published_at"), instant(rs, "superseded_at"));
	}

	// ---- writing

	/** A new article with its first draft; the caller owns it. */
	public ArticleView create(ArticleFormData form) {
		CurrentUser me = this.access.require(WRITE);
		return create(me, form, null, null);
	}

	private ArticleView create(CurrentUser me, ArticleFormData form, Long sourceItemId, String sourceNumber) {
		check(form);
		Instant now = this.clock.instant();
		Long seq = this.jdbc.getJdbcTemplate().queryForObject("select nextval('kb_article_seq')", Long.class);
		String number = String.format("KB-%05d", seq);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update("insert into kb_article (version, number, state, category_id, visibility, owner_id,"
				+ " review_months, source_item_id, source_number, created_by, created_at, updated_at)"
				+ " values (0, :number, 'DRAFT', :category, :visibility, :owner, :months, :source, :sourceNumber,"
				+ " :owner, :now, :now)",
				new MapSqlParameterSource("number", number).addValue("category", form.getCategoryId())
					.addValue("visibility", form.getVisibility().name())
					.addValue("owner", me.id())
					.addValue("months", form.getReviewMonths())
					.addValue("source", sourceItemId)
					.addValue("sourceNumber", sourceNumber)
					.addValue("now", Timestamps.utc(now)),
				keys, new String[] { "id" });
		long id = keys.getKey().longValue();
		setGroups(id, form);
		insertVersion(id, 1, form, me, now);
		audit(AuditAction.CREATE, id, number, "created", form.getTitle());
		return view(me, find(number), groups(id));
	}

	private void insertVersion(long articleId, int label, ArticleFormData form, CurrentUser me, Instant now) {
		this.jdbc.update("insert into kb_version (article_id, label, state, title, body, keywords, change_note,"
				+ " created_by, created_at, updated_at) values (:article, :label, 'DRAFT', :title, :body, :keywords,"
				+ " :note, :me, :now, :now)",
				new MapSqlParameterSource("article", articleId).addValue("label", label)
					.addValue("title", form.getTitle().strip())
					.addValue("body", blankToNull(form.getBody()))
					.addValue("keywords", blankToNull(form.getKeywords()))
					.addValue("note", blankToNull(form.getChangeNote()))
					.addValue("me", me.id())
					.addValue("now", Timestamps.utc(now)));
	}

	/**
	 * Saves the article: its category, visibility, groups and review interval at once,
	 * and the text into its draft (a published article gets a new draft from its version
	 * in effect); refused while a version is in review, or when someone saved since the
	 * form was read.
	 */
	public ArticleView save(String number, ArticleFormData form) {
		CurrentUser me = this.access.require(WRITE);
		Map<String, Object> a = find(number);
		long id = requireEditable(me, a);
		if (form.getVersion() == null || form.getVersion() != ((Number) a.get("version")).intValue()) {
			throw Conflict.staleVersion(RECORD_TYPE, number);
		}
		check(form);
		Map<String, Object> pending = pending(id);
		if (pending != null && VersionState.IN_REVIEW.name().equals(pending.get("state"))) {
			throw new Conflict("knowledge.error.inReview", number);
		}
		Instant now = this.clock.instant();
		if (pending == null) {
			insertVersion(id, nextLabel(id), form, me, now);
		}
		else {
			this.jdbc.update(
					"update kb_version set title = :title, body = :body, keywords = :keywords,"
							+ " change_note = :note, updated_at = :now where id = :id",
					new MapSqlParameterSource("id", number(pending.get("id")))
						.addValue("title", form.getTitle().strip())
						.addValue("body", blankToNull(form.getBody()))
						.addValue("keywords", blankToNull(form.getKeywords()))
						.addValue("note", blankToNull(form.getChangeNote()))
						.addValue("now", Timestamps.utc(now)));
		}
		this.jdbc.update(
				"update kb_article set version = version + 1, category_id = :category,"
						+ " visibility = :visibility, review_months = :months, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", id).addValue("category", form.getCategoryId())
					.addValue("visibility", form.getVisibility().name())
					.addValue("months", form.getReviewMonths())
					.addValue("now", Timestamps.utc(now)));
		setGroups(id, form);
		this.search.changed(SEARCH_KIND, id);
		audit(AuditAction.UPDATE, id, number, "saved", form.getTitle());
		return view(me, find(number), groups(id));
	}

	/**
	 * Throws the draft away (the version in effect stays); an unpublished article has no
	 * other.
	 */
	public ArticleView discardDraft(String number) {
		CurrentUser me = this.access.require(WRITE);
		Map<String, Object> a = find(number);
		long id = requireEditable(me, a);
		Map<String, Object> pending = pending(id);
		if (pending == null || !VersionState.DRAFT.name().equals(pending.get("state"))) {
			throw new Conflict("knowledge.error.noDraft", number);
		}
		if (a.get("current_version_id") == null) {
			throw new Conflict("knowledge.error.onlyVersion", number);
		}
		this.jdbc.update("delete from kb_version where id = :id",
				new MapSqlParameterSource("id", number(pending.get("id"))));
		audit(AuditAction.UPDATE, id, number, "draftDiscarded", "v" + pending.get("label"));
		touch(id);
		return view(me, find(number), groups(id));
	}

	/**
	 * Submits the draft for review: it is frozen and a {@code kbapproval} work item asks
	 * the reviewers.
	 */
	public ArticleView submit(String number) {
		CurrentUser me = this.access.require(WRITE);
		Map<String, Object> a = find(number);
		long id = requireEditable(me, a);
		Map<String, Object> pending = pending(id);
		if (pending == null || !VersionState.DRAFT.name().equals(pending.get("state"))) {
			throw new Conflict("knowledge.error.noDraft", number);
		}
		if (pending.get("body") == null || ((String) pending.get("body")).isBlank()) {
			throw new ValidationFailed("body", "knowledge.error.emptyBody");
		}
		WorkItemFormData item = new WorkItemFormData();
		item.setTitle(number + " v" + pending.get("label") + " " + pending.get("title"));
		String note = (String) pending.get("change_note");
		item.setDescription(((note == null) ? "" : note + "\n\n") + "/knowledge/" + number);
		WorkItemView approval = this.workItems.create(APPROVAL_TYPE, item);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"update kb_version set state = 'IN_REVIEW', approval_item_id = :item,"
						+ " approval_number = :approval, rejected_reason = null, submitted_at = :now, updated_at = :now"
						+ " where id = :id",
				new MapSqlParameterSource("id", number(pending.get("id"))).addValue("item", approval.id())
					.addValue("approval", approval.number())
					.addValue("now", Timestamps.utc(now)));
		audit(AuditAction.UPDATE, id, number, "submitted", approval.number());
		touch(id);
		return view(me, find(number), groups(id));
	}

	/**
	 * The reviewers approved: the version is published, the one before is superseded, and
	 * the next review falls due after the article's interval.
	 */
	public void approved(long approvalItemId, Long approverId) {
		Map<String, Object> v = inReview(approvalItemId);
		if (v == null) {
			return;
		}
		long articleId = number(v.get("article_id"));
		Instant now = this.clock.instant();
		MapSqlParameterSource p = new MapSqlParameterSource("article", articleId).addValue("now", Timestamps.utc(now))
			.addValue("id", number(v.get("id")))
			.addValue("by", approverId);
		this.jdbc.update("update kb_version set state = 'SUPERSEDED', superseded_at = :now, updated_at = :now"
				+ " where article_id = :article and state = 'PUBLISHED'", p);
		this.jdbc.update("update kb_version set state = 'PUBLISHED', published_by = :by, published_at = :now,"
				+ " updated_at = :now where id = :id", p);
		Integer months = this.jdbc.queryForObject("select review_months from kb_article where id = :article", p,
				Integer.class);
		p.addValue("next", today().plusMonths((months == null) ? 12 : months));
		this.jdbc.update("update kb_article set state = 'PUBLISHED', current_version_id = :id, next_review_on = :next,"
				+ " version = version + 1, updated_at = :now where id = :article", p);
		audit(AuditAction.UPDATE, articleId, null, "published", "v" + v.get("label"));
		this.search.changed(SEARCH_KIND, articleId);
	}

	/** The reviewers returned it: a draft again, with their reason. */
	public void rejected(long approvalItemId) {
		Map<String, Object> v = inReview(approvalItemId);
		if (v == null) {
			return;
		}
		String reason = this.workItems.approvals(approvalItemId)
			.stream()
			.flatMap((a) -> a.steps().stream())
			.filter((s) -> "REJECTED".equals(s.decision()))
			.max(java.util.Comparator.comparing(ApprovalView.Step::decidedAt))
			.map(ApprovalView.Step::comment)
			.orElse(null);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"update kb_version set state = 'DRAFT', rejected_reason = :reason, updated_at = :now"
						+ " where id = :id",
				new MapSqlParameterSource("id", number(v.get("id"))).addValue("reason", reason)
					.addValue("now", Timestamps.utc(now)));
		audit(AuditAction.UPDATE, number(v.get("article_id")), null, "returned", reason);
		touch(number(v.get("article_id")));
	}

	private Map<String, Object> inReview(long approvalItemId) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from kb_version where approval_item_id = :item and state = 'IN_REVIEW'",
				new MapSqlParameterSource("item", approvalItemId));
		return rows.isEmpty() ? null : rows.get(0);
	}

	/** The article a review (approval) work item is about, for that item's page. */
	@Transactional(readOnly = true)
	public Optional<ArticleView> forApproval(long approvalItemId) {
		List<String> numbers = this.jdbc.queryForList(
				"select a.number from kb_version v join kb_article a on a.id = v.article_id"
						+ " where v.approval_item_id = :item",
				new MapSqlParameterSource("item", approvalItemId), String.class);
		if (numbers.isEmpty()) {
			return Optional.empty();
		}
		CurrentUser me = this.access.user();
		Map<String, Object> a = find(numbers.get(0));
		return Optional.of(view(me, a, groups(number(a.get("id")))));
	}

	/** The owner (or a manager) confirmed at its review that the article still holds. */
	public ArticleView reviewed(String number) {
		CurrentUser me = this.access.require(WRITE);
		Map<String, Object> a = find(number);
		long id = requireEditable(me, a);
		if (!ArticleState.PUBLISHED.name().equals(a.get("state"))) {
			throw new Conflict("knowledge.error.notPublished", number);
		}
		Instant now = this.clock.instant();
		this.jdbc.update(
				"update kb_article set next_review_on = :next, reviewed_at = :now, reviewed_by = :me,"
						+ " version = version + 1, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", id)
					.addValue("next", today().plusMonths(((Number) a.get("review_months")).intValue()))
					.addValue("now", Timestamps.utc(now))
					.addValue("me", me.id()));
		audit(AuditAction.UPDATE, id, number, "reviewed", null);
		return view(me, find(number), groups(id));
	}

	/**
	 * Withdraws an article: no longer found or shown to readers; its versions are kept.
	 */
	public ArticleView retire(String number, String reason) {
		CurrentUser me = this.access.require(MANAGE);
		Map<String, Object> a = find(number);
		long id = number(a.get("id"));
		if (ArticleState.RETIRED.name().equals(a.get("state"))) {
			throw new Conflict("knowledge.error.retired", number);
		}
		if (reason == null || reason.isBlank()) {
			throw new ValidationFailed("reason", "knowledge.error.reasonRequired");
		}
		Map<String, Object> pending = pending(id);
		if (pending != null && VersionState.IN_REVIEW.name().equals(pending.get("state"))) {
			throw new Conflict("knowledge.error.inReview", number);
		}
		Instant now = this.clock.instant();
		this.jdbc.update(
				"update kb_article set state = 'RETIRED', retired_reason = :reason, retired_at = :now,"
						+ " version = version + 1, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", id).addValue("reason", reason.strip())
					.addValue("now", Timestamps.utc(now)));
		audit(AuditAction.UPDATE, id, number, "retired", reason.strip());
		this.search.changed(SEARCH_KIND, id);
		return view(me, find(number), groups(id));
	}

	/** "Was this helpful?": the reader's answer (changed if given before). */
	public ArticleView feedback(String number, boolean helpful, String comment) {
		CurrentUser me = this.access.user();
		ArticleView article = get(number);
		if (article.state() != ArticleState.PUBLISHED) {
			throw new Conflict("knowledge.error.notPublished", number);
		}
		if (comment != null && comment.length() > 2000) {
			throw new ValidationFailed("comment", "knowledge.error.commentTooLong", 2000);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("id", article.id()).addValue("me", me.id())
			.addValue("helpful", helpful)
			.addValue("comment", blankToNull(comment))
			.addValue("now", Timestamps.utc(this.clock.instant()));
		int updated = this.jdbc.update("update kb_feedback set helpful = :helpful, comment = :comment,"
				+ " answered_at = :now where article_id = :id and user_id = :me", p);
		if (updated == 0) {
			this.jdbc.update("insert into kb_feedback (article_id, user_id, helpful, comment, answered_at)"
					+ " values (:id, :me, :helpful, :comment, :now)", p);
		}
		audit(AuditAction.UPDATE, article.id(), number, "feedback", helpful ? "helpful" : "notHelpful");
		this.jdbc.update("update kb_article set helpful_yes = (select count(*) from kb_feedback f"
				+ " where f.article_id = :id and f.helpful = true), helpful_no = (select count(*) from kb_feedback f"
				+ " where f.article_id = :id and f.helpful = false) where id = :id", p);
		return get(number);
	}

	// ---- use on tickets

	/** An article applied on a ticket; it counts as used once the ticket is resolved. */
	public record Use(long articleId, String number, String title, String itemNumber, String linkedBy,
			Instant linkedAt) {
	}

	/** Links an article the agent applied to a ticket they work on. */
	public Use use(String number, String ticketNumber) {
		CurrentUser me = this.access.require(WRITE);
		ArticleView article = get(number);
		if (article.state() != ArticleState.PUBLISHED) {
			throw new Conflict("knowledge.error.notPublished", number);
		}
		WorkItemView ticket = this.workItems.get(ticketNumber);
		if (!this.workItems.canWork(ticket.id())) {
			throw NotFound.of("workItem", ticketNumber);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("article", article.id()).addValue("item", ticket.id())
			.addValue("me", me.id())
			.addValue("now", Timestamps.utc(this.clock.instant()));
		Integer exists = this.jdbc.queryForObject(
				"select count(*) from kb_use where article_id = :article and item_id = :item", p, Integer.class);
		if (exists != null && exists > 0) {
			throw new Conflict("knowledge.error.alreadyUsed", number, ticket.number());
		}
		this.jdbc.update("insert into kb_use (article_id, item_id, linked_by, linked_at)"
				+ " values (:article, :item, :me, :now)", p);
		audit(AuditAction.UPDATE, article.id(), number, "used", ticket.number());
		return usesOn(ticket.id()).stream().filter((u) -> u.articleId() == article.id()).findFirst().orElseThrow();
	}

	/** Unlinks an article from a ticket. */
	public void unuse(String number, String ticketNumber) {
		this.access.require(WRITE);
		Map<String, Object> a = find(number);
		WorkItemView ticket = this.workItems.get(ticketNumber);
		if (!this.workItems.canWork(ticket.id())) {
			throw NotFound.of("workItem", ticketNumber);
		}
		this.jdbc.update("delete from kb_use where article_id = :article and item_id = :item",
				new MapSqlParameterSource("article", number(a.get("id"))).addValue("item", ticket.id()));
		audit(AuditAction.UPDATE, number(a.get("id")), number, "unused", ticket.number());
	}

	/** The articles applied on a ticket. */
	@Transactional(readOnly = true)
	public List<Use> usesOn(long itemId) {
		return this.jdbc.query(
				"select a.id, a.number, coalesce(cv.title, a.number) as title, i.number as item_number,"
						+ " u.display_name, k.linked_at from kb_use k join kb_article a on a.id = k.article_id"
						+ " join wi_item i on i.id = k.item_id left join kb_version cv on cv.id = a.current_version_id"
						+ " left join pf_user u on u.id = k.linked_by where k.item_id = :item order by k.linked_at",
				new MapSqlParameterSource("item", itemId),
				(rs, i) -> new Use(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
						rs.getString("item_number"), rs.getString("display_name"), instant(rs, "linked_at")));
	}

	/** The articles drafted from a ticket. */
	@Transactional(readOnly = true)
	public List<ArticleRow> draftedFrom(long itemId) {
		CurrentUser me = this.access.user();
		MapSqlParameterSource p = new MapSqlParameterSource("item", itemId);
		return rows(ROW_SELECT + " where " + readable(me, p) + " and a.source_item_id = :item order by a.id", p);
	}

	// ---- from an incident

	/**
	 * A draft article from a resolved incident: its title, the symptom (description), the
	 * workaround and the resolution from its journal, its category; the incident is kept
	 * as the article's source.
	 */
	public ArticleView draftFrom(String ticketNumber) {
		CurrentUser me = this.access.require(WRITE);
		WorkItemView ticket = this.workItems.get(ticketNumber);
		if (ticket.resolvedAt() == null) {
			throw new Conflict("knowledge.error.notResolved", ticket.number());
		}
		ArticleFormData form = new ArticleFormData();
		form.setTitle(ticket.title());
		StringBuilder body = new StringBuilder();
		boolean english = "en".equals(me.locale());
		body.append(english ? "## Symptom\n\n" : "## 现象\n\n")
			.append(Optional.ofNullable(ticket.description()).orElse(""))
			.append("\n\n");
		IncidentDetails details = "incident".equals(ticket.type()) ? this.incidents.details(ticket.number()) : null;
		if (details != null && details.workaround() != null) {
			body.append(english ? "## Workaround\n\n" : "## 临时解决办法\n\n").append(details.workaround()).append("\n\n");
		}
		List<JournalEntryView> journal = this.workItems.journal(ticket.id());
		List<String> steps = journal.stream()
			.filter((e) -> e.kind() == JournalKind.COMMENT || e.kind() == JournalKind.WORK_NOTE)
			.filter((e) -> e.body() != null && !Objects.equals(e.authorId(), ticket.requester().id()))
			.map(JournalEntryView::body)
			.toList();
		body.append(english ? "## Resolution\n\n" : "## 解决方法\n\n");
		steps.forEach((s) -> body.append("- ").append(s.replace("\n", " ")).append('\n'));
		body.append('\n').append(english ? "Source: " : "来源：").append(ticket.number()).append('\n');
		form.setBody(body.toString());
		form.setChangeNote(english ? "Drafted from " + ticket.number() : "由 " + ticket.number() + " 起草");
		form.setVisibility(Visibility.INTERNAL);
		if (details != null && details.category() != null) {
			form.setCategoryId(details.category().id());
		}
		return create(me, form, ticket.id(), ticket.number());
	}

	// ---- files

	public ArticleView.FileView attach(String number, String fileName, byte[] bytes) {
		CurrentUser me = this.access.require(WRITE);
		Map<String, Object> a = find(number);
		long id = requireEditable(me, a);
		FileStore.Stored stored = this.store.storeInTransaction(fileName, bytes);
		Instant now = this.clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into kb_file (article_id, file_name, content_type, size_bytes, sha256, storage_key,"
						+ " uploaded_by, uploaded_at) values (:article, :name, :type, :size, :sha, :key, :me, :now)",
				new MapSqlParameterSource("article", id).addValue("name", stored.fileName())
					.addValue("type", stored.contentType())
					.addValue("size", stored.size())
					.addValue("sha", stored.sha256())
					.addValue("key", stored.key())
					.addValue("me", me.id())
					.addValue("now", Timestamps.utc(now)),
				keys, new String[] { "id" });
		touch(id);
		audit(AuditAction.UPDATE, id, number, "fileAttached", stored.fileName());
		return new ArticleView.FileView(keys.getKey().longValue(), stored.fileName(), stored.contentType(),
				stored.size(), stored.sha256(), me.displayName(), now);
	}

	public void detach(String number, long fileId) {
		CurrentUser me = this.access.require(WRITE);
		Map<String, Object> a = find(number);
		long id = requireEditable(me, a);
		List<String> keys = this.jdbc.queryForList(
				"select storage_key from kb_file where id = :file and article_id = :article",
				new MapSqlParameterSource("file", fileId).addValue("article", id), String.class);
		if (keys.isEmpty()) {
			throw NotFound.of("articleFile", fileId);
		}
		this.jdbc.update("delete from kb_file where id = :file", new MapSqlParameterSource("file", fileId));
		this.store.deleteAfterCommit(keys.get(0));
		audit(AuditAction.UPDATE, id, number, "fileRemoved", String.valueOf(fileId));
		touch(id);
	}

	/** A file of an article the caller may read. */
	@Transactional(readOnly = true)
	public ArticleView.FileView file(String number, long fileId) {
		return get(number).files()
			.stream()
			.filter((f) -> f.id() == fileId)
			.findFirst()
			.orElseThrow(() -> NotFound.of("articleFile", fileId));
	}

	@Transactional(readOnly = true)
	public InputStream content(String number, long fileId) throws IOException {
		file(number, fileId);
		String key = this.jdbc.queryForObject("select storage_key from kb_file where id = :id",
				new MapSqlParameterSource("id", fileId), String.class);
		return this.store.open(key);
	}

	// ---- the knowledge-gap report

	/**
	 * One category: incidents opened in the window, published articles filed in it (or
	 * under it), and whether that is a gap: at least 3 incidents, and twice as many
	 * incidents per article as the knowledge base has overall.
	 */
	public record Gap(CategoryView category, long incidents, long articles, boolean gap) {

		/** Incidents per article; the number of incidents when there is no article. */
		public double ratio() {
			return (this.articles == 0) ? this.incidents : (double) this.incidents / this.articles;
		}

	}

	/**
	 * Categories set against their incidents of the last {@code days} days and their
	 * published articles (a category counts what is filed under it too), the widest gaps
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<Gap> gaps(int days) {
		this.access.require(MANAGE);
		if (days < 1 || days > 730) {
			throw new ValidationFailed("days", "knowledge.error.days", 730);
		}
		Map<Long, Long> incidents = this.incidents
			.openedByCategory(this.clock.instant().minus(java.time.Duration.ofDays(days)));
		Map<Long, Long> articles = new HashMap<>();
		this.jdbc.query("select category_id, count(*) from kb_article where state = 'PUBLISHED'"
				+ " and category_id is not null group by category_id", new MapSqlParameterSource(), (rs) -> {
					articles.put(rs.getLong(1), rs.getLong(2));
				});
		List<CategoryView> tree = this.incidents.categories();
		Map<Long, List<Long>> children = new HashMap<>();
		tree.forEach((c) -> children.computeIfAbsent(c.parentId(), (k) -> new ArrayList<>()).add(c.id()));
		List<Gap> gaps = new ArrayList<>();
		for (CategoryView c : tree) {
			if (!c.active()) {
				continue;
			}
			long i = 0;
			long a = 0;
			for (Long id : subtree(c.id(), children)) {
				i += incidents.getOrDefault(id, 0L);
				a += articles.getOrDefault(id, 0L);
			}
			if (i > 0 || a > 0) {
				gaps.add(new Gap(c, i, a, false));
			}
		}
		long allIncidents = incidents.values().stream().mapToLong(Long::longValue).sum();
		long allArticles = articles.values().stream().mapToLong(Long::longValue).sum();
		double overall = (allArticles == 0) ? 0 : (double) allIncidents / allArticles;
		gaps.replaceAll((g) -> new Gap(g.category(), g.incidents(), g.articles(),
				g.incidents() >= 3 && (g.articles() == 0 || g.ratio() >= 2 * overall)));
		gaps.sort(java.util.Comparator.comparing(Gap::ratio).reversed().thenComparing((g) -> -g.incidents()));
		return gaps;
	}

	private List<Long> subtree(long categoryId) {
		Map<Long, List<Long>> children = new HashMap<>();
		this.incidents.categories()
			.forEach((c) -> children.computeIfAbsent(c.parentId(), (k) -> new ArrayList<>()).add(c.id()));
		return subtree(categoryId, children);
	}

	private static List<Long> subtree(long root, Map<Long, List<Long>> children) {
		List<Long> out = new ArrayList<>();
		java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(root));
		while (!todo.isEmpty()) {
			Long id = todo.pop();
			out.add(id);
			todo.addAll(children.getOrDefault(id, List.of()));
		}
		return out;
	}

	// ---- for the search index and the indicators (read by the system)

	/** A published article as the search index holds it. */
	public record Indexed(long id, String number, String title, String body, String keywords, Visibility visibility,
			Set<Long> groupIds, long ownerId, String categoryZh, String categoryEn, Instant updatedAt) {
	}

	@Transactional(readOnly = true)
	public List<Indexed> indexed(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Set<Long>> groups = new HashMap<>();
		MapSqlParameterSource p = new MapSqlParameterSource("ids", Set.copyOf(ids));
		this.jdbc.query("select article_id, group_id from kb_article_group where article_id in (:ids)", p, (rs) -> {
			groups.computeIfAbsent(rs.getLong(1), (k) -> new HashSet<>()).add(rs.getLong(2));
		});
		return this.jdbc.query("select a.id, a.number, a.visibility, a.owner_id, a.updated_at, v.title, v.body,"
				+ " v.keywords, c.name_zh, c.name_en from kb_article a join kb_version v on v.id = a.current_version_id"
				+ " left join inc_category c on c.id = a.category_id where a.state = 'PUBLISHED' and a.id in (:ids)", p,
				(rs, i) -> new Indexed(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
						rs.getString("body"), rs.getString("keywords"), Visibility.valueOf(rs.getString("visibility")),
						groups.getOrDefault(rs.getLong("id"), Set.of()), rs.getLong("owner_id"),
						rs.getString("name_zh"), rs.getString("name_en"), instant(rs, "updated_at")));
	}

	@Transactional(readOnly = true)
	public List<Long> publishedIds(long after, int limit) {
		return this.jdbc.queryForList("select id from kb_article where state = 'PUBLISHED' and id > :after"
				+ " order by id fetch first " + limit + " rows only", new MapSqlParameterSource("after", after),
				Long.class);
	}

	@Transactional(readOnly = true)
	public long publishedCount() {
		Long n = this.jdbc.queryForObject("select count(*) from kb_article where state = 'PUBLISHED'",
				new MapSqlParameterSource(), Long.class);
		return (n == null) ? 0 : n;
	}

	/**
	 * An article in effect at a moment: first published before it, not retired before it.
	 */
	public record InEffect(long id, String number, String title) {
	}

	@Transactional(readOnly = true)
	public List<InEffect> inEffectAt(Instant at) {
		return this.jdbc.query("select a.id, a.number, coalesce(cv.title, a.number) as title from kb_article a"
				+ " left join kb_version cv on cv.id = a.current_version_id where exists (select 1 from kb_version v"
				+ " where v.article_id = a.id and v.published_at is not null and v.published_at < :at)"
				+ " and (a.retired_at is null or a.retired_at >= :at) order by a.id",
				new MapSqlParameterSource("at", Timestamps.utc(at)),
				(rs, i) -> new InEffect(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	/** The articles applied on any of these tickets. */
	@Transactional(readOnly = true)
	public Set<Long> usedOn(Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> used = new LinkedHashSet<>();
		org.yunwei.platform.IdChunks.each(itemIds,
				(ids) -> used
					.addAll(this.jdbc.queryForList("select distinct article_id from kb_use where item_id in (:items)",
							new MapSqlParameterSource("items", ids), Long.class)));
		return used;
	}

	// ---- internals

	private Map<String, Object> find(String number) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from kb_article where number = :number or (id = :id)",
				new MapSqlParameterSource("number", number.toUpperCase(java.util.Locale.ROOT)).addValue("id",
						number.chars().allMatch(Character::isDigit) && !number.isEmpty() && number.length() < 18
								? Long.parseLong(number) : -1L));
		if (rows.isEmpty()) {
			throw NotFound.of(RECORD_TYPE, number);
		}
		return rows.get(0);
	}

	private long requireEditable(CurrentUser me, Map<String, Object> a) {
		long id = number(a.get("id"));
		boolean owner = Objects.equals(number(a.get("owner_id")), me.id());
		if (!me.has(MANAGE) && !owner) {
			Set<Long> groups = groups(id);
			if (!readable(me, a, groups)) {
				throw NotFound.of(RECORD_TYPE, (String) a.get("number"));
			}
			throw new org.yunwei.platform.Forbidden(WRITE);
		}
		if (ArticleState.RETIRED.name().equals(a.get("state"))) {
			throw new Conflict("knowledge.error.retired", (String) a.get("number"));
		}
		return id;
	}

	private Map<String, Object> pending(long articleId) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from kb_version where article_id = :id and state in ('DRAFT', 'IN_REVIEW')",
				new MapSqlParameterSource("id", articleId));
		return rows.isEmpty() ? null : rows.get(0);
	}

	private int nextLabel(long articleId) {
		Integer max = this.jdbc.queryForObject("select max(label) from kb_version where article_id = :id",
				new MapSqlParameterSource("id", articleId), Integer.class);
		return (max == null) ? 1 : max + 1;
	}

	private Set<Long> groups(long articleId) {
		return new LinkedHashSet<>(
				this.jdbc.queryForList("select group_id from kb_article_group where article_id = :id order by group_id",
						new MapSqlParameterSource("id", articleId), Long.class));
	}

	private void setGroups(long articleId, ArticleFormData form) {
		this.jdbc.update("delete from kb_article_group where article_id = :id",
				new MapSqlParameterSource("id", articleId));
		if (form.getVisibility() == Visibility.GROUP) {
			for (Long g : new LinkedHashSet<>(form.getGroupIds())) {
				this.jdbc.update("insert into kb_article_group (article_id, group_id) values (:id, :g)",
						new MapSqlParameterSource("id", articleId).addValue("g", g));
			}
		}
	}

	private void check(ArticleFormData form) {
		List<Violation> violations = new ArrayList<>();
		if (form.getVisibility() == Visibility.GROUP) {
			if (form.getGroupIds().isEmpty()) {
				violations.add(new Violation("groupIds", "knowledge.error.groupsRequired", List.of()));
			}
			for (Long g : form.getGroupIds()) {
				if (g == null || !this.directory.isActiveGroup(g)) {
					violations
						.add(new Violation("groupIds", "knowledge.error.unknownGroup", List.of(String.valueOf(g))));
				}
			}
		}
		if (form.getCategoryId() != null
				&& this.incidents.categories().stream().noneMatch((c) -> c.id() == form.getCategoryId())) {
			violations.add(new Violation("categoryId", "knowledge.error.unknownCategory",
					List.of(String.valueOf(form.getCategoryId()))));
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
	}

	private void touch(long articleId) {
		this.jdbc.update("update kb_article set version = version + 1, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", articleId).addValue("now", Timestamps.utc(this.clock.instant())));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	private static Long number(Object o) {
		return (o == null) ? null : ((Number) o).longValue();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
		return (t == null) ? null : t.toInstant();
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
