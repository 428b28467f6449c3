package org.yunwei.servicedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.AttachmentView;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.TransitionView;
import org.yunwei.workitem.WorkItemFilter;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemSort;
import org.yunwei.workitem.WorkItemType;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The agent's side of the service desk (7.8): the queues of one's groups, taking a
 * ticket, merging a duplicate into the ticket it repeats, turning a request that is
 * really a fault into an incident (and back), and the caller at a glance — who they are
 * and what they raised lately. Everything goes through the kernel's records and
 * workflows: taking is the workflow's {@code take} where it has one, a merged or
 * converted ticket ends by the workflow's own cancelling transition, with the reason in
 * its journal.
 */
@Service
@Transactional
public class AgentConsole {

	/** The work-item types a service-desk queue holds, in the order it shows them. */
	public static final List<String> QUEUE_TYPES = List.of("incident", "request", Callbacks.TYPE, "sdtask");

	/** The workflow transition that takes a ticket up, where a workflow has one. */
	public static final String TAKE = "take";

	private static final int QUEUE_ROWS = 50;

	private static final int RECENT = 8;

	private final WorkItems items;

	private final WorkItemTypes types;

	private final Directory directory;

	private final AccessControl access;

	private final NamedParameterJdbcTemplate jdbc;

	private final org.yunwei.platform.Texts texts;

	private final ServiceDesk desk;

	AgentConsole(WorkItems items, WorkItemTypes types, Directory directory, AccessControl access,
			NamedParameterJdbcTemplate jdbc, org.yunwei.platform.Texts texts, ServiceDesk desk) {
		this.items = items;
		this.types = types;
		this.directory = directory;
		this.access = access;
		this.jdbc = jdbc;
		this.texts = texts;
		this.desk = desk;
	}

	/** A group's queue: its open records, how many wait for someone to take them. */
	public record Queue(long groupId, String name, boolean member, int open, int unassigned, int overdue) {
	}

	/** One type's part of a queue: its first rows, and whether there are more. */
	public record Section(WorkItemType type, List<WorkItemRow> rows, boolean more) {
	}

	/** Someone who calls, with what they raised lately. */
	public record Caller(Directory.Person person, List<WorkItemRow> recent, int open) {
	}

	/**
	 * The queues the signed-in person works from: their groups, and for the desk's lead
	 * ({@value DeskTemplates#MANAGE}) every group with open records; theirs first.
	 */
	@Transactional(readOnly = true)
	public List<Queue> queues() {
		CurrentUser me = requireAgent();
		Set<Long> groups = new LinkedHashSet<>(me.groupIds());
		if (me.has(DeskTemplates.MANAGE)) {
			this.directory.activeGroups().forEach((g) -> groups.add(g.id()));
		}
		Map<Long, String> names = this.directory.groupNames(groups);
		Map<Long, int[]> counts = new java.util.HashMap<>();
		for (WorkItemType t : readableTypes(me)) {
			this.items.queueCounts(t.code(), groups).forEach((group, c) -> {
				int[] sum = counts.computeIfAbsent(group, (k) -> new int[3]);
				sum[0] += c.open();
				sum[1] += c.unassigned();
				sum[2] += c.overdue();
			});
		}
		List<Queue> queues = new ArrayList<>();
		for (Long g : groups) {
			boolean member = me.groupIds().contains(g);
			int[] c = counts.getOrDefault(g, new int[3]);
			if (member || c[0] > 0) {
				queues.add(new Queue(g, names.getOrDefault(g, String.valueOf(g)), member, c[0], c[1], c[2]));
			}
		}
		queues.sort(Comparator.comparing((Queue q) -> !q.member()).thenComparing(Queue::name));
		return queues;
	}

	/**
	 * The open records of a group's queue (or, without a group, those assigned to the
	 * signed-in person), by type, highest priority first.
	 */
	@Transactional(readOnly = true)
	public List<Section> queue(Long groupId) {
		CurrentUser me = requireAgent();
		List<Section> sections = new ArrayList<>();
		for (WorkItemType t : readableTypes(me)) {
			WorkItemFilter filter = new WorkItemFilter(t.code(), null, null, (groupId == null) ? me.id() : null,
					groupId, null, null, true, null, null, null, null, null, null, null, null, WorkItemSort.PRIORITY,
					null);
			var page = this.items.list(filter, null, QUEUE_ROWS);
			if (!page.items().isEmpty()) {
				sections.add(new Section(t, page.items(), page.next() != null));
			}
		}
		return sections;
	}

	/**
	 * Takes a record up: through the workflow's {@code take} when it may be taken now
	 * (which answers the response clock and tells the requester), else by becoming its
	 * assignee.
	 */
	public WorkItemView take(String number, Integer version) {
		requireAgent();
		WorkItemView item = this.items.get(number);
		if (item.stateCategory().isEnd()) {
			throw new Conflict("desk.error.ended", item.number());
		}
		boolean canTake = this.items.transitions(item.id()).stream().anyMatch((t) -> TAKE.equals(t.name()));
		if (canTake) {
			return this.items.take(item.id(), TAKE, new TransitionRequest(null, false, null, null, version));
		}
		if (version != null && version != item.version()) {
			throw Conflict.staleVersion("workItem", item.number());
		}
		return this.items.assign(item.id(), this.access.user().id(), null);
	}

	/**
	 * Merges a duplicate into the ticket it repeats: the duplicate is linked to it and
	 * ends by its workflow's cancelling transition with the reason (which tells its
	 * requester); its requester watches the ticket it was merged into, so they hear of
	 * its progress.
	 */
	public WorkItemView merge(String duplicateNumber, String intoNumber, String comment) {
		requireAgent();
		if (intoNumber == null || intoNumber.isBlank()) {
			throw new ValidationFailed("into", "desk.error.intoRequired");
		}
		WorkItemView duplicate = ticket(duplicateNumber);
		WorkItemView into = ticket(intoNumber.strip());
		if (duplicate.id() == into.id()) {
			throw new ValidationFailed("into", "workitem.error.linkSelf");
		}
		if (duplicate.stateCategory().isEnd()) {
			throw new Conflict("desk.error.ended", duplicate.number());
		}
		if (into.stateCategory().isEnd()) {
			throw new Conflict("desk.error.intoEnded", into.number());
		}
		String close = cancelling(duplicate);
		this.items.link(duplicate.id(), LinkKind.DUPLICATES, into.number());
		if (duplicate.requester() != null
				&& (into.requester() == null || !Objects.equals(into.requester().id(), duplicate.requester().id()))) {
			this.items.addWatcher(into.id(), duplicate.requester().id());
		}
		this.items.comment(into.id(),
				this.texts.shown("desk.journal.mergedFrom", duplicate.number(), duplicate.title(),
						(duplicate.requester() == null) ? "—" : duplicate.requester().name()) + withComment(comment),
				true);
		this.items.take(duplicate.id(), close,
				new TransitionRequest(this.texts.shown("desk.journal.mergedInto", into.number()) + withComment(comment),
						false, null, null, null));
		return this.items.get(into.number());
	}

	/**
	 * Turns a ticket into the other kind (a "request" that is a fault, an "incident" that
	 * is a wish): a new ticket of the other kind with the same requester, words, urgency,
	 * impact, service, group, channel and files, linked to the first, which ends by its
	 * workflow's cancelling transition saying where it went.
	 */
	public WorkItemView convert(String number, String comment) {
		requireAgent();
		WorkItemView from = ticket(number);
		if (from.stateCategory().isEnd()) {
			throw new Conflict("desk.error.ended", from.number());
		}
		TicketKind kind = TicketKind.ofType(from.type());
		TicketKind other = (kind == TicketKind.INCIDENT) ? TicketKind.REQUEST : TicketKind.INCIDENT;
		String close = cancelling(from);
		WorkItemFormData f = new WorkItemFormData();
		f.setTitle(from.title());
		f.setDescription(from.description());
		f.setUrgency(from.urgency());
		f.setImpact(from.impact());
		f.setServiceId(from.serviceId());
		f.setRequesterId((from.requester() == null) ? null : from.requester().id());
		f.setGroupId((from.group() == null) ? null : from.group().id());
		f.setCiIds(new ArrayList<>(from.ciIds()));
		f.setTags(new ArrayList<>(from.tags()));
		WorkItemView to = this.items.create(other.type(), f);
		this.jdbc.update("insert into sd_ticket (item_id, channel) values (:id, :channel)",
				new MapSqlParameterSource("id", to.id()).addValue("channel", this.desk.channel(from.id()).name()));
		for (AttachmentView a : this.items.attachments(from.id())) {
			try (InputStream in = this.items.content(from.id(), a.id())) {
				this.items.attach(to.id(), a.fileName(), in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.items.link(to.id(), LinkKind.RELATES_TO, from.number());
		this.items.comment(to.id(),
				this.texts.shown("desk.journal.convertedFrom", from.number()) + withComment(comment), true);
		this.items.take(from.id(), close,
				new TransitionRequest(this.texts.shown("desk.journal.convertedTo", to.number()) + withComment(comment),
						false, null, null, null));
		return this.items.get(to.number());
	}

	/** People matching a name, username, e-mail or phone number: who is calling. */
	@Transactional(readOnly = true)
	public List<Directory.Person> callers(String text) {
		requireAgent();
		return this.directory.people(text, 20);
	}

	/** A caller and the tickets they raised lately (open ones first). */
	@Transactional(readOnly = true)
	public Caller caller(long userId) {
		CurrentUser me = requireAgent();
		Directory.Person person = this.directory.person(userId).orElseThrow(() -> NotFound.of("user", userId));
		List<WorkItemRow> recent = new ArrayList<>();
		for (TicketKind k : TicketKind.values()) {
			if (me.has(this.types.get(k.type()).readPermission())) {
				recent.addAll(
						this.items
							.list(new WorkItemFilter(k.type(), null, null, null, null, userId, null, null, null, null,
									null, null), null, RECENT)
							.items());
			}
		}
		recent.sort(Comparator.comparing((WorkItemRow r) -> r.stateCategory().isEnd())
			.thenComparing(WorkItemRow::openedAt, Comparator.reverseOrder()));
		int open = (int) recent.stream().filter((r) -> !r.stateCategory().isEnd()).count();
		return new Caller(person, recent.size() > RECENT ? List.copyOf(recent.subList(0, RECENT)) : recent, open);
	}

	/** Whether the signed-in person works service-desk queues. */
	@Transactional(readOnly = true)
	public boolean isAgent() {
		return TicketKind.handledBy(this.access.user());
	}

	private CurrentUser requireAgent() {
		CurrentUser me = this.access.user();
		if (!isAgent()) {
			throw org.yunwei.platform.Forbidden.missing(this.types.get("incident").writePermission());
		}
		return me;
	}

	private List<WorkItemType> readableTypes(CurrentUser me) {
		return QUEUE_TYPES.stream()
			.map(this.types::get)
			.filter((t) -> me.has(t.readPermission()) || me.has(t.writePermission()))
			.toList();
	}

	private WorkItemView ticket(String number) {
		WorkItemView item = this.items.get(number);
		TicketKind.ofType(item.type());
		return item;
	}

	/** The transition that ends a record as cancelled, which the caller may take now. */
	private String cancelling(WorkItemView item) {
		return this.items.transitions(item.id())
			.stream()
			.filter((t) -> t.toCategory() == StateCategory.CANCELLED)
			.map(TransitionView::name)
			.findFirst()
			.orElseThrow(() -> new Conflict("desk.error.cannotEnd", item.number()));
	}

	private String withComment(String comment) {
		return (comment == null || comment.isBlank()) ? "" : "\n\n" + comment.strip();
	}

}
