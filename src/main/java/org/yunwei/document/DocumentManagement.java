package org.yunwei.document;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.document.internal.ControlledDocument;
import org.yunwei.document.internal.DocumentFile;
import org.yunwei.document.internal.DocumentRepository;
import org.yunwei.document.internal.DocumentVersion;
import org.yunwei.document.internal.FileRepository;
import org.yunwei.document.internal.VersionRepository;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.files.FileStore;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.standard.Clause;
import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Controlled documents: the register, drafting a version, submitting it for approval (a
 * {@code docapproval} work item whose workflow asks the approvers), taking it into effect
 * on its date so it supersedes the version before, and opening the owner's review
 * ({@code docreview}) before it falls due. Readers see documents that are or were in
 * effect; people who write documents also see drafts. The owner, or a document manager,
 * changes a document.
 */
@Service
@Transactional
public class DocumentManagement {

	public static final String READ = "document:read";

	public static final String WRITE = "document:write";

	public static final String MANAGE = "document:manage";

	/** The work-item type through which a version is approved. */
	public static final String APPROVAL_TYPE = "docapproval";

	/** The work-item type of a periodic review. */
	public static final String REVIEW_TYPE = "docreview";

	private static final Logger log = LoggerFactory.getLogger(DocumentManagement.class);

	private static final Set<VersionState> UNDER_WAY = EnumSet.of(VersionState.DRAFT, VersionState.IN_APPROVAL,
			VersionState.APPROVED);

	private static final Pattern LAST_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

	private final DocumentRepository documents;

	private final VersionRepository versions;

	private final FileRepository files;

	private final FileStore store;

	private final WorkItems workItems;

	private final AccessControl access;

	private final Directory directory;

	private final StandardClauses clauses;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final int reminderDays;

	DocumentManagement(DocumentRepository documents, VersionRepository versions, FileRepository files, FileStore store,
			WorkItems workItems, AccessControl access, Directory directory, StandardClauses clauses,
			NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone,
			@Value("${yunwei.documents.review-reminder-days:30}") int reminderDays) {
		this.documents = documents;
		this.versions = versions;
		this.files = files;
		this.store = store;
		this.workItems = workItems;
		this.access = access;
		this.directory = directory;
		this.clauses = clauses;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.reminderDays = reminderDays;
	}

	/** How many days before its review date a document's owner is given the review. */
	public int reminderDays() {
		return this.reminderDays;
	}

	// ---- the register

	@Transactional(readOnly = true)
	public KeysetPage<DocumentRow> list(DocumentFilter filter, String after, Integer size) {
		CurrentUser me = this.access.require(READ);
		int n = KeysetPage.size(size);
		StringBuilder sql = new StringBuilder(
				"select d.id, d.number, d.type, d.title, d.state, cv.label, d.effective_on, d.next_review_on,"
						+ " d.owner_id, d.updated_at, pv.state as pending from doc_document d"
						+ " left join doc_version cv on cv.id = d.current_version_id"
						+ " left join doc_version pv on pv.document_id = d.id"
						+ " and pv.state in ('DRAFT', 'IN_APPROVAL', 'APPROVED') where 1 = 1");
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (!me.has(WRITE)) {
			sql.append(" and d.state <> 'DRAFT'");
		}
		if (filter.type() != null) {
			sql.append(" and d.type = :type");
			p.addValue("type", filter.type().name());
		}
		if (filter.state() != null) {
			sql.append(" and d.state = :state");
			p.addValue("state", filter.state().name());
		}
		if (filter.clause() != null && !filter.clause().isBlank()) {
			sql.append(" and exists (select 1 from doc_clause c where c.document_id = d.id and c.clause = :clause)");
			p.addValue("clause", filter.clause().strip());
		}
		if (filter.ownerId() != null) {
			sql.append(" and d.owner_id = :owner");
			p.addValue("owner", filter.ownerId());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			sql.append(" and (lower(d.title) like :q or lower(d.number) like :q)");
			p.addValue("q", "%" + filter.q().strip().toLowerCase(Locale.ROOT) + "%");
		}
		if (filter.reviewDue()) {
			sql.append(" and d.state = 'EFFECTIVE' and d.next_review_on <= :dueBy");
			p.addValue("dueBy", dueBy());
		}
		Long afterId = KeysetPage.decodeId(after);
		if (afterId != null) {
			sql.append(" and d.id < :after");
			p.addValue("after", afterId);
		}
		sql.append(" order by d.id desc fetch first ").append(n + 1).append(" rows only");
		List<Object[]> raw = this.jdbc.query(sql.toString(), p,
				(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
						rs.getObject(8, LocalDate.class), rs.getLong(9),
						rs.getObject(10, java.time.OffsetDateTime.class).toInstant(), rs.getString(11) });
		Set<Long> ids = new HashSet<>();
		Set<Long> owners = new HashSet<>();
		raw.forEach((r) -> {
			ids.add((Long) r[0]);
			owners.add((Long) r[8]);
		});
		Map<Long, List<String>> clausesOf = clausesOf(ids);
		Map<Long, String> names = this.directory.userNames(owners);
		LocalDate dueBy = dueBy();
		List<DocumentRow> rows = new ArrayList<>();
		for (Object[] r : raw) {
			DocumentState state = DocumentState.valueOf((String) r[4]);
			LocalDate review = (LocalDate) r[7];
			rows.add(new DocumentRow((Long) r[0], (String) r[1], DocumentType.valueOf((String) r[2]), (String) r[3],
					state, (String) r[5], (LocalDate) r[6], review,
					state == DocumentState.EFFECTIVE && review != null && !review.isAfter(dueBy), names.get(r[8]),
					clausesOf.getOrDefault(r[0], List.of()),
					(r[10] == null) ? null : VersionState.valueOf((String) r[10]), (Instant) r[9]));
		}
		return KeysetPage.of(rows, n, (row) -> String.valueOf(row.id()));
	}

	private Map<Long, List<String>> clausesOf(Set<Long> ids) {
		Map<Long, List<String>> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.query("select document_id, clause from doc_clause where document_id in (:ids)",
				new MapSqlParameterSource("ids", ids), (rs) -> {
					result.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
				});
		result.values().forEach((l) -> l.sort(Comparator.comparing(this.clauses::position)));
		return result;
	}

	/**
	 * Every document in effect now, with the clauses it serves and its plan kind (read by
	 * the system: the conformance engine's evidence).
	 */
	@Transactional(readOnly = true)
	public List<EffectiveDocument> inEffect() {
		List<EffectiveDocument> docs = new ArrayList<>();
		Map<Long, Set<String>> clausesOf = new HashMap<>();
		this.jdbc.query(
				"select document_id, clause from doc_clause c where exists (select 1 from doc_document d"
						+ " where d.id = c.document_id and d.state = 'EFFECTIVE')",
				new MapSqlParameterSource(), (rs) -> {
					clausesOf.computeIfAbsent(rs.getLong(1), (k) -> new LinkedHashSet<>()).add(rs.getString(2));
				});
		this.jdbc
			.query("select d.id, d.number, d.type, d.title, d.plan_kind, v.label, d.effective_on from doc_document d"
					+ " left join doc_version v on v.id = d.current_version_id where d.state = 'EFFECTIVE' order by d.number",
					new MapSqlParameterSource(), (rs) -> {
						docs.add(new EffectiveDocument(rs.getLong(1), rs.getString(2),
								DocumentType.valueOf(rs.getString(3)), rs.getString(4),
								(rs.getString(5) == null) ? null : PlanKind.valueOf(rs.getString(5)), rs.getString(6),
								rs.getObject(7, LocalDate.class),
								Set.copyOf(clausesOf.getOrDefault(rs.getLong(1), Set.of()))));
					});
		return docs;
	}

	@Transactional(readOnly = true)
	public DocumentView get(String idOrNumber) {
		CurrentUser me = this.access.require(READ);
		ControlledDocument d = find(idOrNumber);
		requireVisible(d, me);
		return view(d, me);
	}

	/** One version by its label, as readers may see it. */
	@Transactional(readOnly = true)
	public VersionView version(String idOrNumber, String label) {
		CurrentUser me = this.access.require(READ);
		ControlledDocument d = find(idOrNumber);
		requireVisible(d, me);
		DocumentVersion v = this.versions.findByDocumentIdAndLabel(d.getId(), label)
			.filter((x) -> me.has(WRITE) || published(x))
			.orElseThrow(() -> NotFound.of("documentVersion", label));
		return versionViews(List.of(v)).get(0);
	}

	/** Whether the caller may change this document (its owner, or a document manager). */
	@Transactional(readOnly = true)
	public boolean canEdit(DocumentView d) {
		CurrentUser me = this.access.user();
		return me.has(MANAGE) || (me.has(WRITE) && d.owner().id() == me.id());
	}

	// ---- writing

	/**
	 * Registers a document with its first draft (version 1.0, the form's content and
	 * steps).
	 */
	public DocumentView create(DocumentFormData form) {
		CurrentUser me = this.access.require(WRITE);
		check(form);
		Instant now = this.clock.instant();
		String sequence = "doc_seq_" + form.getType().name().toLowerCase(Locale.ROOT);
		Long next = this.jdbc.getJdbcTemplate().queryForObject("select nextval('" + sequence + "')", Long.class);
		ControlledDocument d = new ControlledDocument(String.format("%s-%04d", form.getType().prefix(), next),
				form.getType(), me.id(), now);
		apply(d, form);
		d = this.documents.saveAndFlush(d);
		DocumentVersion v = new DocumentVersion(d.getId(), "1.0", me.id(), now);
		v.setContent(blankToNull(form.getContent()));
		v.setSteps(steps(form.getSteps()));
		this.versions.saveAndFlush(v);
		return view(d, me);
	}

	/** Changes the register entry (the type stays what it was numbered as). */
	public DocumentView update(long id, DocumentFormData form) {
		CurrentUser me = this.access.require(WRITE);
		ControlledDocument d = find(String.valueOf(id));
		requireEditable(d, me);
		if (form.getVersion() == null || form.getVersion() != d.getVersion()) {
			throw Conflict.staleVersion("document", d.getNumber());
		}
		if (form.getType() != d.getType()) {
			throw new ValidationFailed("type", "document.error.typeFixed");
		}
		check(form);
		// a changed interval applies from the next time a review date is set (on taking
		// effect or at a review); the date already promised stays
		apply(d, form);
		d.touch(this.clock.instant());
		this.documents.flush();
		return view(d, me);
	}

	/**
	 * Starts the next version as a draft, from the text of the version in effect, with
	 * the next label (1.0 → 1.1); refused while another version is under way.
	 */
	public VersionView newDraft(long id) {
		CurrentUser me = this.access.require(WRITE);
		ControlledDocument d = find(String.valueOf(id));
		requireEditable(d, me);
		if (d.getState() == DocumentState.RETIRED) {
			throw new Conflict("document.error.retired", d.getNumber());
		}
		if (!this.versions.findByDocumentIdAndStateIn(d.getId(), UNDER_WAY).isEmpty()) {
			throw new Conflict("document.error.versionUnderWay", d.getNumber());
		}
		DocumentVersion current = (d.getCurrentVersionId() == null) ? null
				: this.versions.findById(d.getCurrentVersionId()).orElse(null);
		Instant now = this.clock.instant();
		DocumentVersion v = new DocumentVersion(d.getId(), nextLabel(current), me.id(), now);
		if (current != null) {
			v.setContent(current.getContent());
			v.setSteps(current.getSteps());
		}
		v = this.versions.saveAndFlush(v);
		if (current != null) {
			this.jdbc.update(
					"insert into doc_version_section (version_id, section_key, content) select :id,"
							+ " section_key, content from doc_version_section where version_id = :from",
					new MapSqlParameterSource("id", v.getId()).addValue("from", current.getId()));
		}
		d.touch(now);
		return versionViews(List.of(v)).get(0);
	}

	/** Saves the draft's label, text, steps, change note and planned effective date. */
	public VersionView saveDraft(long id, VersionFormData form) {
		CurrentUser me = this.access.require(WRITE);
		ControlledDocument d = find(String.valueOf(id));
		requireEditable(d, me);
		DocumentVersion v = draft(d);
		if (form.getVersion() == null || form.getVersion() != v.getVersion()) {
			throw Conflict.staleVersion("documentVersion", d.getNumber() + " v" + v.getLabel());
		}
		String label = form.getLabel().strip();
		if (!label.equals(v.getLabel()) && this.versions.findByDocumentIdAndLabel(d.getId(), label).isPresent()) {
			throw new ValidationFailed("label", "document.error.labelTaken", label);
		}
		List<Violation> violations = new ArrayList<>();
		checkEffectiveOn(form.getEffectiveOn(), violations);
		checkSteps(form.getSteps(), violations);
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
		v.setLabel(label);
		v.setContent(blankToNull(form.getContent()));
		v.setSteps(steps(form.getSteps()));
		v.setChangeNote(blankToNull(form.getChangeNote()));
		v.setEffectiveOn(form.getEffectiveOn());
		saveSections(d, v.getId(), form.getSections());
		Instant now = this.clock.instant();
		v.touch(now);
		d.touch(now);
		this.versions.flush();
		return versionViews(List.of(v)).get(0);
	}

	/** Throws a draft away (never a version that was submitted). */
	public void discardDraft(long id) {
		CurrentUser me = this.access.require(WRITE);
		ControlledDocument d = find(String.valueOf(id));
		requireEditable(d, me);
		DocumentVersion v = draft(d);
		if (v.getApprovalNumber() != null) {
			throw new Conflict("document.error.draftWasSubmitted", v.getLabel());
		}
		if (d.getCurrentVersionId() == null) {
			throw new Conflict("document.error.onlyVersion", d.getNumber());
		}
		for (DocumentFile f : this.files.findByVersionIdInOrderByIdAsc(List.of(v.getId()))) {
			this.files.delete(f);
			this.store.deleteAfterCommit(f.getStorageKey());
		}
		this.jdbc.update("delete from doc_version_section where version_id = :id",
				new MapSqlParameterSource("id", v.getId()));
		this.versions.delete(v);
		d.touch(this.clock.instant());
	}

	/**
	 * Submits the draft for approval: it is frozen, and a {@code docapproval} work item
	 * is opened whose workflow asks the approvers; their decision publishes or returns
	 * it.
	 */
	public VersionView submit(long id) {
		CurrentUser me = this.access.require(WRITE);
		ControlledDocument d = find(String.valueOf(id));
		requireEditable(d, me);
		DocumentVersion v = draft(d);
		List<Violation> violations = new ArrayList<>();
		boolean hasFiles = !this.files.findByVersionIdInOrderByIdAsc(List.of(v.getId())).isEmpty();
		if (v.getContent() == null && !hasFiles) {
			violations.add(new Violation("content", "document.error.empty", List.of()));
		}
		if (d.getType() == DocumentType.SOP && v.getSteps() == null) {
			violations.add(new Violation("steps", "document.error.sopSteps", List.of()));
		}
		checkEffectiveOn(v.getEffectiveOn(), violations);
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
		WorkItemFormData form = new WorkItemFormData();
		form.setTitle(d.getNumber() + " v" + v.getLabel() + " " + d.getTitle());
		form.setDescription(v.getChangeNote());
		WorkItemView item = this.workItems.create(APPROVAL_TYPE, form);
		Instant now = this.clock.instant();
		v.submit(me.id(), item.id(), item.number(), now);
		d.touch(now);
		this.versions.flush();
		return versionViews(List.of(v)).get(0);
	}

	/** Withdraws a document (废止): its versions are kept, none is in effect any more. */
	public DocumentView retire(long id, String reason) {
		CurrentUser me = this.access.require(MANAGE);
		ControlledDocument d = find(String.valueOf(id));
		if (d.getState() != DocumentState.EFFECTIVE) {
			throw new Conflict("document.error.notEffective", d.getNumber());
		}
		if (reason == null || reason.isBlank()) {
			throw new ValidationFailed("reason", "document.error.reasonRequired");
		}
		if (!this.versions.findByDocumentIdAndStateIn(d.getId(), UNDER_WAY).isEmpty()) {
			throw new Conflict("document.error.versionUnderWay", d.getNumber());
		}
		Instant now = this.clock.instant();
		this.versions.findById(d.getCurrentVersionId()).ifPresent((v) -> v.supersede(now));
		d.retire(reason.strip(), now);
		this.documents.flush();
		return view(d, me);
	}

	// ---- files of the draft

	public VersionView.FileView attach(long id, String fileName, byte[] bytes) {
		CurrentUser me = this.access.require(WRITE);
		ControlledDocument d = find(String.valueOf(id));
		requireEditable(d, me);
		DocumentVersion v = draft(d);
		FileStore.Stored stored = this.store.storeInTransaction(fileName, bytes);
		Instant now = this.clock.instant();
		DocumentFile f = this.files.saveAndFlush(new DocumentFile(v.getId(), stored.fileName(), stored.contentType(),
				stored.size(), stored.sha256(), stored.key(), me.id(), now));
		v.touch(now);
		d.touch(now);
		return fileView(f, Map.of(me.id(), me.displayName()));
	}

	public void detach(long id, long fileId) {
		CurrentUser me = this.access.require(WRITE);
		ControlledDocument d = find(String.valueOf(id));
		requireEditable(d, me);
		DocumentVersion v = draft(d);
		DocumentFile f = this.files.findById(fileId)
			.filter((x) -> x.getVersionId() == v.getId())
			.orElseThrow(() -> NotFound.of("documentFile", fileId));
		this.files.delete(f);
		this.store.deleteAfterCommit(f.getStorageKey());
		Instant now = this.clock.instant();
		v.touch(now);
		d.touch(now);
	}

	/** A file of a version the caller may read. */
	@Transactional(readOnly = true)
	public VersionView.FileView file(String idOrNumber, long fileId) {
		CurrentUser me = this.access.require(READ);
		ControlledDocument d = find(idOrNumber);
		requireVisible(d, me);
		DocumentFile f = this.files.findById(fileId).orElseThrow(() -> NotFound.of("documentFile", fileId));
		DocumentVersion v = this.versions.findById(f.getVersionId())
			.filter((x) -> x.getDocumentId() == d.getId())
			.filter((x) -> me.has(WRITE) || published(x))
			.orElseThrow(() -> NotFound.of("documentFile", fileId));
		return fileView(f, this.directory.userNames(nonNull(List.of(f.getUploadedBy()))));
	}

	/** The bytes of a file checked by {@link #file}. */
	public InputStream content(String idOrNumber, long fileId) throws IOException {
		file(idOrNumber, fileId);
		return this.store.open(this.files.findById(fileId).orElseThrow().getStorageKey());
	}

	// ---- what other modules use

	/** The SOPs in effect, for the schedules that follow one. */
	@Transactional(readOnly = true)
	public List<Sop> sops() {
		this.access.require(READ);
		List<Sop> result = new ArrayList<>();
		for (ControlledDocument d : this.documents.findByTypeAndStateOrderByNumber(DocumentType.SOP,
				DocumentState.EFFECTIVE)) {
			sop(d).ifPresent(result::add);
		}
		return result;
	}

	/**
	 * The SOP in effect with its steps, read by the system when a schedule following it
	 * creates a task (no permission check: the schedule's owner chose it); empty when it
	 * is no longer in effect.
	 */
	@Transactional(readOnly = true)
	public Optional<Sop> sop(long documentId) {
		return this.documents.findById(documentId)
			.filter((d) -> d.getType() == DocumentType.SOP && d.getState() == DocumentState.EFFECTIVE)
			.flatMap(this::sop);
	}

	private Optional<Sop> sop(ControlledDocument d) {
		return this.versions.findById(d.getCurrentVersionId())
			.map((v) -> new Sop(d.getId(), d.getNumber(), d.getTitle(), v.getLabel(), lines(v.getSteps())));
	}

	/** The version an approval record is about, for that record's page. */
	@Transactional(readOnly = true)
	public Optional<DocumentView> forApproval(long itemId) {
		CurrentUser me = this.access.require(READ);
		return this.versions.findByApprovalItemId(itemId)
			.flatMap((v) -> this.documents.findById(v.getDocumentId()))
			.map((d) -> view(d, me));
	}

	/** The document a review record is about, for that record's page. */
	@Transactional(readOnly = true)
	public Optional<DocumentView> forReview(long itemId) {
		CurrentUser me = this.access.require(READ);
		return this.documents.findByReviewItemId(itemId).map((d) -> view(d, me));
	}

	/** The version an approval record approved or rejected, by that record's id. */
	@Transactional(readOnly = true)
	public Optional<VersionView> approvedVersion(long itemId) {
		this.access.require(READ);
		return this.versions.findByApprovalItemId(itemId).map((v) -> versionViews(List.of(v)).get(0));
	}

	// ---- driven by the workflows and the daily job

	/**
	 * The approvers approved the version of this approval record: it takes effect now, or
	 * on its planned day.
	 */
	public void approved(long itemId, Long approverId) {
		DocumentVersion v = inApproval(itemId);
		if (v == null) {
			return;
		}
		Instant now = this.clock.instant();
		v.approve(approverId, now);
		LocalDate today = today();
		if (v.getEffectiveOn() == null || !v.getEffectiveOn().isAfter(today)) {
			takeEffect(v, today, now);
		}
		this.versions.flush();
	}

	/** The approvers rejected it: back to draft, with their reason. */
	public void rejected(long itemId) {
		DocumentVersion v = inApproval(itemId);
		if (v == null) {
			return;
		}
		String reason = this.workItems.approvals(itemId)
			.stream()
			.flatMap((a) -> a.steps().stream())
			.filter((s) -> "REJECTED".equals(s.decision()))
			.max(Comparator.comparing(ApprovalView.Step::decidedAt))
			.map(ApprovalView.Step::comment)
			.orElse(null);
		v.reject(reason, this.clock.instant());
		this.versions.flush();
	}

	/** The owner confirmed at a review that the document still holds. */
	public void reviewed(long reviewItemId) {
		this.documents.findByReviewItemId(reviewItemId).ifPresent((d) -> {
			d.reviewed(today(), this.clock.instant());
			this.documents.flush();
		});
	}

	/**
	 * The owner found at a review that the document needs revising: its next version is
	 * started as a draft (unless one is already under way).
	 */
	public void revise(long reviewItemId) {
		this.documents.findByReviewItemId(reviewItemId).ifPresent((d) -> {
			if (this.versions.findByDocumentIdAndStateIn(d.getId(), UNDER_WAY).isEmpty()) {
				newDraft(d.getId());
			}
		});
	}

	/**
	 * The version awaiting the decision of this approval record; null for a record not
	 * opened by a submission (one created by hand approves nothing here).
	 */
	private DocumentVersion inApproval(long itemId) {
		return this.versions.findByApprovalItemId(itemId)
			.filter((x) -> x.getState() == VersionState.IN_APPROVAL)
			.orElse(null);
	}

	/** Approved versions whose planned day has come take effect; returns how many. */
	public int takeEffectDue() {
		Instant now = this.clock.instant();
		List<DocumentVersion> due = this.versions.findByStateAndEffectiveOnLessThanEqual(VersionState.APPROVED,
				today());
		for (DocumentVersion v : due) {
			takeEffect(v, v.getEffectiveOn(), now);
		}
		return due.size();
	}

	private void takeEffect(DocumentVersion v, LocalDate day, Instant now) {
		ControlledDocument d = this.documents.findById(v.getDocumentId()).orElseThrow();
		for (DocumentVersion other : this.versions.findByDocumentIdAndStateIn(d.getId(),
				EnumSet.of(VersionState.EFFECTIVE))) {
			other.supersede(now);
		}
		v.takeEffect(day, now);
		d.takeEffect(v.getId(), day, now);
		log.info("document {} v{} in effect from {}", d.getNumber(), v.getLabel(), day);
	}

	/**
	 * The documents whose review falls due within the reminder days and that have no open
	 * review task.
	 */
	@Transactional(readOnly = true)
	public List<Long> reviewsToOpen() {
		List<Long> result = new ArrayList<>();
		this.jdbc.query("select d.id, d.review_item_id from doc_document d where d.state = 'EFFECTIVE'"
				+ " and d.next_review_on <= :dueBy and not exists (select 1 from doc_version v"
				+ " where v.document_id = d.id and v.state in ('DRAFT', 'IN_APPROVAL', 'APPROVED'))" + " order by d.id",
				new MapSqlParameterSource("dueBy", dueBy()), (rs) -> {
					Long item = rs.getObject(2, Long.class);
					if (item == null || this.workItems.brief(item).map((b) -> b.category().isEnd()).orElse(true)) {
						result.add(rs.getLong(1));
					}
				});
		return result;
	}

	/**
	 * Opens the review task of one document, assigned to its owner and due on the review
	 * date, acting for the owner.
	 */
	public Optional<String> openReview(long documentId) {
		ControlledDocument d = this.documents.findById(documentId).orElseThrow();
		if (d.getState() != DocumentState.EFFECTIVE || d.getNextReviewOn() == null) {
			return Optional.empty();
		}
		if (d.getReviewItemId() != null
				&& this.workItems.brief(d.getReviewItemId()).map((b) -> !b.category().isEnd()).orElse(false)) {
			return Optional.empty();
		}
		WorkItemView item = this.access.runAs(d.getOwnerId(), () -> {
			WorkItemFormData form = new WorkItemFormData();
			form.setTitle(d.getNumber() + " " + d.getTitle() + " · " + d.getNextReviewOn());
			form.setDescription(d.getPurpose());
			form.setAssigneeId(d.getOwnerId());
			form.setDueAt(d.getNextReviewOn().atTime(18, 0));
			return this.workItems.create(REVIEW_TYPE, form);
		});
		d.setReviewItemId(item.id());
		d.touch(this.clock.instant());
		this.documents.flush();
		return Optional.of(item.number());
	}

	// ---- helpers

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	private LocalDate dueBy() {
		return today().plusDays(this.reminderDays);
	}

	private ControlledDocument find(String idOrNumber) {
		Optional<ControlledDocument> d = idOrNumber.matches("\\d+")
				? this.documents.findById(Long.parseLong(idOrNumber))
				: this.documents.findByNumber(idOrNumber.strip().toUpperCase(Locale.ROOT));
		return d.orElseThrow(() -> NotFound.of("document", idOrNumber));
	}

	private static void requireVisible(ControlledDocument d, CurrentUser me) {
		if (d.getState() == DocumentState.DRAFT && !me.has(WRITE)) {
			throw NotFound.of("document", d.getNumber());
		}
	}

	private static void requireEditable(ControlledDocument d, CurrentUser me) {
		if (!me.has(MANAGE) && d.getOwnerId() != me.id()) {
			throw new Forbidden("document.error.notOwner", d.getNumber());
		}
	}

	private DocumentVersion draft(ControlledDocument d) {
		return this.versions.findByDocumentIdAndStateIn(d.getId(), EnumSet.of(VersionState.DRAFT))
			.stream()
			.findFirst()
			.orElseThrow(() -> new Conflict("document.error.noDraft", d.getNumber()));
	}

	private static boolean published(DocumentVersion v) {
		return v.getState() == VersionState.EFFECTIVE || v.getState() == VersionState.SUPERSEDED;
	}

	private void check(DocumentFormData form) {
		List<Violation> v = new ArrayList<>();
		if (form.getOwnerId() != null) {
			if (!this.directory.isActiveUser(form.getOwnerId())) {
				v.add(new Violation("ownerId", "workitem.error.unknownUser", List.of(form.getOwnerId())));
			}
			else if (!Boolean.TRUE.equals(this.access.runAs(form.getOwnerId(), () -> this.access.has(WRITE)))) {
				v.add(new Violation("ownerId", "document.error.ownerCannotWrite", List.of()));
			}
		}
		List<String> unknown = this.clauses.unknown(form.getClauses().stream().map(String::strip).toList());
		if (!unknown.isEmpty()) {
			v.add(new Violation("clauses", "document.error.unknownClause", List.of(String.join(", ", unknown))));
		}
		checkSteps(form.getSteps(), v);
		if (form.getPlanKind() != null && form.getType() != form.getPlanKind().type()) {
			v.add(new Violation("planKind", "document.error.planKindType", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
	}

	private static void checkSteps(String steps, List<Violation> v) {
		List<String> lines = lines(steps);
		if (lines.size() > org.yunwei.workitem.Checklists.MAX_POINTS) {
			v.add(new Violation("steps", "checklist.error.tooMany",
					List.of(org.yunwei.workitem.Checklists.MAX_POINTS)));
		}
		if (lines.stream().anyMatch((l) -> l.length() > 500)) {
			v.add(new Violation("steps", "checklist.error.tooLong", List.of(500)));
		}
	}

	private void checkEffectiveOn(LocalDate day, List<Violation> v) {
		if (day != null && day.isBefore(today())) {
			v.add(new Violation("effectiveOn", "document.error.effectiveInPast", List.of(day.toString())));
		}
	}

	private static void apply(ControlledDocument d, DocumentFormData form) {
		d.setTitle(form.getTitle().strip());
		d.setPurpose(blankToNull(form.getPurpose()));
		d.setOwnerId(form.getOwnerId());
		d.setReviewMonths(form.getReviewMonths());
		d.setPlanKind((form.getPlanKind() != null && form.getPlanKind().type() == form.getType()) ? form.getPlanKind()
				: null);
		Set<String> wanted = new LinkedHashSet<>();
		form.getClauses().stream().map(String::strip).filter((c) -> !c.isEmpty()).forEach(wanted::add);
		d.getClauses().retainAll(wanted);
		d.getClauses().addAll(wanted);
	}

	private static String nextLabel(DocumentVersion current) {
		if (current == null) {
			return "1.0";
		}
		Matcher m = LAST_NUMBER.matcher(current.getLabel());
		if (m.matches()) {
			return m.group(1) + (Long.parseLong(m.group(2)) + 1);
		}
		return current.getLabel() + ".1";
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String steps(String s) {
		List<String> lines = lines(s);
		return lines.isEmpty() ? null : String.join("\n", lines);
	}

	static List<String> lines(String s) {
		if (s == null) {
			return List.of();
		}
		return s.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
	}

	private static <T> List<T> nonNull(List<T> list) {
		return list.stream().filter(Objects::nonNull).toList();
	}

	private DocumentView view(ControlledDocument d, CurrentUser me) {
		List<DocumentVersion> all = this.versions.findByDocumentIdOrderByIdDesc(d.getId());
		boolean writer = me.has(WRITE);
		List<DocumentVersion> shown = all.stream().filter((v) -> writer || published(v)).toList();
		List<VersionView> views = versionViews(shown);
		VersionView current = views.stream()
			.filter((v) -> Objects.equals(v.id(), d.getCurrentVersionId()))
			.findFirst()
			.orElse(null);
		VersionView pending = views.stream().filter((v) -> UNDER_WAY.contains(v.state())).findFirst().orElse(null);
		String owner = this.directory.userNames(List.of(d.getOwnerId())).get(d.getOwnerId());
		List<Clause> served = d.getClauses()
			.stream()
			.map((c) -> this.clauses.get(c).orElse(new Clause(c, c, c)))
			.sorted(Comparator.comparing((Clause c) -> this.clauses.position(c.number())))
			.toList();
		String reviewNumber = (d.getReviewItemId() == null) ? null
				: this.workItems.brief(d.getReviewItemId()).map(WorkItemBrief::number).orElse(null);
		boolean reviewDue = d.getState() == DocumentState.EFFECTIVE && d.getNextReviewOn() != null
				&& !d.getNextReviewOn().isAfter(dueBy());
		return new DocumentView(d.getId(), d.getVersion(), d.getNumber(), d.getType(), d.getTitle(), d.getPurpose(),
				new DocumentView.Person(d.getOwnerId(), owner), served, d.getReviewMonths(), d.getState(),
				d.getEffectiveOn(), d.getNextReviewOn(), reviewDue, reviewNumber, d.getRetiredReason(),
				d.getRetiredAt(), d.getCreatedAt(), d.getUpdatedAt(), current, pending, views, d.getPlanKind());
	}

	private List<VersionView> versionViews(List<DocumentVersion> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, List<DocumentFile>> filesOf = new HashMap<>();
		for (DocumentFile f : this.files
			.findByVersionIdInOrderByIdAsc(list.stream().map(DocumentVersion::getId).toList())) {
			filesOf.computeIfAbsent(f.getVersionId(), (k) -> new ArrayList<>()).add(f);
		}
		Map<Long, List<VersionView.Section>> sectionsOf = sections(list.stream().map(DocumentVersion::getId).toList());
		Set<Long> people = new HashSet<>();
		for (DocumentVersion v : list) {
			people.add(v.getCreatedBy());
			addIfPresent(people, v.getSubmittedBy());
			addIfPresent(people, v.getApprovedBy());
		}
		filesOf.values().forEach((fs) -> fs.forEach((f) -> addIfPresent(people, f.getUploadedBy())));
		Map<Long, String> names = this.directory.userNames(people);
		List<VersionView> result = new ArrayList<>();
		for (DocumentVersion v : list) {
			List<VersionView.FileView> fs = filesOf.getOrDefault(v.getId(), List.of())
				.stream()
				.map((f) -> fileView(f, names))
				.toList();
			result.add(new VersionView(v.getId(), v.getVersion(), v.getDocumentId(), v.getLabel(), v.getState(),
					v.getContent(), lines(v.getSteps()), v.getChangeNote(), v.getEffectiveOn(), v.getApprovalNumber(),
					names.get(v.getSubmittedBy()), v.getSubmittedAt(), names.get(v.getApprovedBy()), v.getApprovedAt(),
					v.getRejectedReason(), v.getSupersededAt(), names.get(v.getCreatedBy()), v.getCreatedAt(),
					v.getUpdatedAt(), fs, sectionsOf.getOrDefault(v.getId(), List.of())));
		}
		return result;
	}

	/** The sections of versions, in the order of their plan kind. */
	private Map<Long, List<VersionView.Section>> sections(List<Long> versionIds) {
		Map<Long, Map<String, String>> stored = new HashMap<>();
		if (!versionIds.isEmpty()) {
			this.jdbc.query(
					"select version_id, section_key, content from doc_version_section where version_id in (:ids)",
					new MapSqlParameterSource("ids", versionIds), (rs) -> {
						stored.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
							.put(rs.getString(2), rs.getString(3));
					});
		}
		Map<Long, List<VersionView.Section>> result = new HashMap<>();
		stored.forEach((id, byKey) -> result.put(id,
				byKey.entrySet()
					.stream()
					.map((e) -> new VersionView.Section(e.getKey(), e.getValue()))
					.sorted(Comparator.comparing(VersionView.Section::key))
					.toList()));
		return result;
	}

	/** Replaces a version's sections with those of its plan kind that are written. */
	private void saveSections(ControlledDocument d, long versionId, Map<String, String> sections) {
		this.jdbc.update("delete from doc_version_section where version_id = :id",
				new MapSqlParameterSource("id", versionId));
		if (d.getPlanKind() == null || sections == null) {
			return;
		}
		for (String key : d.getPlanKind().sections()) {
			String text = sections.get(key);
			if (text != null && !text.isBlank()) {
				this.jdbc.update(
						"insert into doc_version_section (version_id, section_key, content) values (:id, :key,"
								+ " :content)",
						new MapSqlParameterSource("id", versionId).addValue("key", key)
							.addValue("content", text.strip()));
			}
		}
	}

	private static void addIfPresent(Set<Long> set, Long id) {
		if (id != null) {
			set.add(id);
		}
	}

	private static VersionView.FileView fileView(DocumentFile f, Map<Long, String> names) {
		return new VersionView.FileView(f.getId(), f.getFileName(), f.getContentType(), f.getSize(), f.getSha256(),
				(f.getUploadedBy() == null) ? null : names.get(f.getUploadedBy()), f.getUploadedAt());
	}

}
