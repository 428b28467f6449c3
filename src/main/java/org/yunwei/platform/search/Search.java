package org.yunwei.platform.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.search.internal.LuceneIndex;
import org.yunwei.platform.search.internal.SearchIndexer;

/**
 * Full-text search over every kind of record a module offers through a
 * {@link SearchSource}, for the signed-in user: what they may see of it, ranked, with the
 * matched words marked.
 */
@Service
public class Search {

	/** Keeps the index in step with the database. */
	public static final String MANAGE = "search:manage";

	public static final int MAX_PAGE_SIZE = 100;

	private final ObjectProvider<SearchSource> sources;

	private final LuceneIndex index;

	private final SearchIndexer indexer;

	private final AccessControl access;

	private final AuditTrail audit;

	Search(ObjectProvider<SearchSource> sources, LuceneIndex index, SearchIndexer indexer, AccessControl access,
			AuditTrail audit) {
		this.audit = audit;
		this.sources = sources;
		this.index = index;
		this.indexer = indexer;
		this.access = access;
	}

	/**
	 * A record's searchable content changed (or it was deleted): its document is
	 * rewritten once the surrounding transaction commits (at once without one). Called
	 * more than once in one transaction, it is applied once.
	 */
	public void changed(String kind, long id) {
		SearchIndexer.Change change = new SearchIndexer.Change(kind, id);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.indexer.record(List.of(change));
			this.indexer.wake();
			return;
		}
		Pending pending = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(Pending.class::isInstance)
			.map(Pending.class::cast)
			.findFirst()
			.orElseGet(() -> {
				Pending p = new Pending(this.indexer);
				TransactionSynchronizationManager.registerSynchronization(p);
				return p;
			});
		pending.add(change);
	}

	/**
	 * The records changed in one transaction: queued for the index just before it
	 * commits, each once; the index's thread is woken after it has.
	 */
	private static final class Pending implements TransactionSynchronization {

		private final SearchIndexer indexer;

		private final Set<SearchIndexer.Change> changes = new LinkedHashSet<>();

		private boolean queued;

		Pending(SearchIndexer indexer) {
			this.indexer = indexer;
		}

		void add(SearchIndexer.Change change) {
			if (this.queued) {
				// changed by another synchronization's beforeCommit: still in the
				// transaction
				this.indexer.record(List.of(change));
			}
			else {
				this.changes.add(change);
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.queued = true;
			if (!this.changes.isEmpty()) {
				this.indexer.record(this.changes);
			}
		}

		@Override
		public void afterCommit() {
			this.indexer.wake();
		}

	}

	/**
	 * A page of what the signed-in user may see matching every word of the query, best
	 * first; {@code kinds} and {@code subtypes} narrow it (empty: all).
	 */
	public SearchResults search(String query, Set<String> kinds, Set<String> subtypes, int page, int size) {
		if (query != null && query.length() > 200) {
			throw new ValidationFailed("q", "search.error.tooLong", 200);
		}
		if (page < 0 || page > 1000) {
			throw new ValidationFailed("page", "search.error.page");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new ValidationFailed("size", "search.error.size", MAX_PAGE_SIZE);
		}
		return this.index.search(query, grants(this.access.user()), kinds, subtypes, page, size, false);
	}

	/**
	 * The few records best matching any of the words of a text being typed (a ticket's
	 * title and description), for suggestions.
	 */
	public List<SearchHit> suggest(String text, Set<String> kinds, Set<String> subtypes, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String q = (text.length() > 200) ? text.substring(0, 200) : text;
		return this.index.search(q, grants(this.access.user()), kinds, subtypes, 0, Math.min(limit, 20), true).hits();
	}

	/** The words a text is cut into, as the index sees them. */
	public List<String> words(String text) {
		return this.index.terms((text == null) ? "" : text);
	}

	private Set<String> grants(CurrentUser me) {
		Set<String> grants = new HashSet<>();
		this.sources.orderedStream().forEach((s) -> grants.addAll(s.grants(me)));
		return grants;
	}

	/** The index against the database, kind by kind. */
	public List<SearchStatus> status() {
		this.access.require(MANAGE);
		List<SearchStatus> result = new ArrayList<>();
		Map<String, Long> pending = this.indexer.pending();
		this.sources.orderedStream()
			.forEach((s) -> result.add(new SearchStatus(s.kind(), s.count(), this.index.count(s.kind()),
					pending.getOrDefault(s.kind(), 0L), this.indexer.rebuiltAt(s.kind()).orElse(null),
					this.indexer.rebuilding(s.kind()))));
		return result;
	}

	/**
	 * Rebuilds the index of a kind (every kind when null) from the database, in the
	 * background; searches keep working on the documents already there.
	 */
	public void rebuild(String kind) {
		this.access.require(MANAGE);
		if (kind != null && this.sources.orderedStream().noneMatch((s) -> s.kind().equals(kind))) {
			throw new ValidationFailed("kind", "search.error.kind", kind);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "searchIndex", (kind == null) ? "all" : kind,
				"rebuild " + ((kind == null) ? "all" : kind)));
		this.indexer.rebuild(kind);
	}

}
