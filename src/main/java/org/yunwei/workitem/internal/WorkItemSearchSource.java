package org.yunwei.workitem.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.platform.search.SearchDocument;
import org.yunwei.platform.search.SearchField;
import org.yunwei.platform.search.SearchSource;
import org.yunwei.platform.web.Markdown;
import org.yunwei.workitem.JournalKind;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkItemTypes;

/**
 * Work items as the search index holds them: title, description, public comments, and
 * internal work notes as a field of their own. Access tokens follow the record scope of
 * the type's permissions exactly as {@code WorkItems} does: {@code wi:<type>:all}, and
 * for the narrower scopes the requester / assignee / creator ({@code u:}), the group
 * ({@code g:}) and the department ({@code d:}). The work notes carry the same tokens of
 * the type's write permission ({@code wiw:…}), so only those who may work on a record
 * find or see them.
 */
@Component
class WorkItemSearchSource implements SearchSource {

	static final String KIND = org.yunwei.workitem.WorkItems.SEARCH_KIND;

	private final WorkItemRepository items;

	private final JournalRepository journal;

	private final WorkItemTypes types;

	private final Directory directory;

	private final JdbcTemplate jdbc;

	private final Markdown markdown;

	WorkItemSearchSource(WorkItemRepository items, JournalRepository journal, WorkItemTypes types, Directory directory,
			JdbcTemplate jdbc, Markdown markdown) {
		this.markdown = markdown;
		this.items = items;
		this.journal = journal;
		this.types = types;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<SearchDocument> documents(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<WorkItem> found = this.items.findAllById(Set.copyOf(ids));
		if (found.isEmpty()) {
			return List.of();
		}
		List<Long> foundIds = found.stream().map(WorkItem::getId).toList();
		Map<Long, StringBuilder> comments = new HashMap<>();
		Map<Long, StringBuilder> notes = new HashMap<>();
		for (JournalEntry e : this.journal.findByItemIdInAndKindInOrderByIdAsc(foundIds,
				List.of(JournalKind.COMMENT, JournalKind.WORK_NOTE))) {
			Map<Long, StringBuilder> into = (e.getKind() == JournalKind.WORK_NOTE) ? notes : comments;
			into.computeIfAbsent(e.getItemId(), (k) -> new StringBuilder())
				.append(this.markdown.text(e.getBody()))
				.append("\n");
		}
		Set<Long> people = new HashSet<>();
		Set<Long> groups = new HashSet<>();
		for (WorkItem i : found) {
			addIfSet(people, i.getRequesterId());
			addIfSet(people, i.getAssigneeId());
			addIfSet(groups, i.getGroupId());
		}
		Map<Long, String> userNames = this.directory.userNames(people);
		Map<Long, String> groupNames = this.directory.groupNames(groups);
		List<SearchDocument> docs = new ArrayList<>();
		for (WorkItem i : found) {
			String t = i.getTypeCode();
			Set<String> readers = tokens("wi:" + t, i);
			Set<String> workers = tokens("wiw:" + t, i);
			List<SearchField> fields = new ArrayList<>();
			fields.add(SearchField.of(SearchField.TITLE, i.getTitle()));
			fields.add(SearchField.of(SearchField.TEXT, this.markdown.text(i.getDescription())));
			StringBuilder c = comments.get(i.getId());
			if (c != null) {
				fields.add(SearchField.of(SearchField.COMMENTS, c.toString()));
			}
			StringBuilder n = notes.get(i.getId());
			if (n != null) {
				fields.add(new SearchField(SearchField.NOTES, n.toString(), workers));
			}
			List<String> names = new ArrayList<>();
			Set<String> mentions = new LinkedHashSet<>();
			for (Long person : new Long[] { i.getRequesterId(), i.getAssigneeId() }) {
				if (person != null && userNames.get(person) != null) {
					names.add(userNames.get(person));
					mentions.add("user:" + person);
				}
			}
			if (i.getGroupId() != null && groupNames.get(i.getGroupId()) != null) {
				names.add(groupNames.get(i.getGroupId()));
				mentions.add("group:" + i.getGroupId());
			}
			fields.add(SearchField.of(SearchField.PEOPLE, String.join(" ", names)));
			fields.add(SearchField.of(SearchField.TAGS, String.join(" ", i.getTags())));
			WorkItemBrief brief = new WorkItemBrief(i.getId(), t, i.getNumber(), i.getTitle(), i.getPriority(),
					i.getAssigneeId(), i.getGroupId(), i.getServiceId(), i.getStateCategory(), i.getRequesterId());
			docs.add(new SearchDocument(KIND, i.getId(), t, i.getNumber(), i.getTitle(), brief.path(), i.getUpdatedAt(),
					readers, fields, mentions));
		}
		return docs;
	}

	private static void addIfSet(Set<Long> into, Long id) {
		if (id != null) {
			into.add(id);
		}
	}

	private static Set<String> tokens(String prefix, WorkItem i) {
		Set<String> tokens = new LinkedHashSet<>();
		tokens.add(prefix + ":all");
		for (Long person : new Long[] { i.getRequesterId(), i.getAssigneeId(), i.getCreatedBy() }) {
			if (person != null) {
				tokens.add(prefix + ":u:" + person);
			}
		}
		if (i.getGroupId() != null) {
			tokens.add(prefix + ":g:" + i.getGroupId());
		}
		if (i.getDepartmentId() != null) {
			tokens.add(prefix + ":d:" + i.getDepartmentId());
		}
		return tokens;
	}

	@Override
	public List<Long> ids(long after, int limit) {
		return this.jdbc.queryForList(
				"select id from wi_item where id > ? order by id fetch first " + limit + " rows only", Long.class,
				after);
	}

	@Override
	public long count() {
		Long n = this.jdbc.queryForObject("select count(*) from wi_item", Long.class);
		return (n == null) ? 0 : n;
	}

	@Override
	public Set<String> grants(CurrentUser user) {
		Set<String> grants = new HashSet<>();
		for (WorkItemType t : this.types.all()) {
			grants(grants, "wi:" + t.code(), user, user.scope(t.readPermission()));
			if (user.has(t.writePermission())) {
				grants(grants, "wiw:" + t.code(), user, user.scope(t.writePermission()));
			}
		}
		return grants;
	}

	private static void grants(Set<String> into, String prefix, CurrentUser user, RecordScope scope) {
		if (scope == null) {
			return;
		}
		if (scope == RecordScope.ALL) {
			into.add(prefix + ":all");
			return;
		}
		into.add(prefix + ":u:" + user.id());
		if (scope == RecordScope.DEPARTMENT && user.departmentId() != null) {
			into.add(prefix + ":d:" + user.departmentId());
		}
		if (scope == RecordScope.GROUP) {
			user.groupIds().forEach((g) -> into.add(prefix + ":g:" + g));
		}
	}

}
