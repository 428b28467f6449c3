package org.yunwei.platform.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.platform.identity.NameChanged;
import org.yunwei.platform.search.SearchSource;

/**
 * Keeps the index in step with the database. A changed record is a row in
 * {@code pf_search_pending}, written by {@link org.yunwei.platform.search.Search#changed}
 * in the changing transaction; after it commits, the index's single thread takes the rows
 * in order, a batch at a time, reads each record's current state, writes the batch to the
 * index with one commit, and only then deletes the rows. So a later state is never
 * overwritten by an earlier one, a change interrupted by a crash is applied on restart,
 * and the index keeps up with hundreds of changes a second (one commit per record could
 * not: each commit also reopens the searcher). Also rebuilds a kind from its source, and
 * on start rebuilds any kind whose count disagrees with the database.
 */
@Component
public class SearchIndexer {

	public static final String EXECUTOR = "searchIndexExecutor";

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private static final int BATCH = 500;

	private final LuceneIndex index;

	private final ObjectProvider<SearchSource> sources;

	private final TaskExecutor executor;

	private final TransactionTemplate tx;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final Map<String, Instant> rebuiltAt = new ConcurrentHashMap<>();

	private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private volatile boolean stopping;

	SearchIndexer(LuceneIndex index, ObjectProvider<SearchSource> sources, @Qualifier(EXECUTOR) TaskExecutor executor,
			PlatformTransactionManager transactions, NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.index = index;
		this.sources = sources;
		this.executor = executor;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setReadOnly(true);
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A record whose searchable content changed. */
	public record Change(String kind, long id) {
	}

	/** Queues changes in the current transaction (they are applied once it commits). */
	public void record(Collection<Change> changes) {
		this.jdbc.getJdbcTemplate()
			.batchUpdate("insert into pf_search_pending (kind, record_id) values (?, ?)", new ArrayList<>(changes), 200,
					(ps, c) -> {
						ps.setString(1, c.kind());
						ps.setLong(2, c.id());
					});
	}

	/**
	 * Has the index's thread apply what is queued, unless it is about to; called after a
	 * transaction that queued changes commits.
	 */
	public void wake() {
		if (!this.stopping && this.draining.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (TaskRejectedException ex) {
				this.draining.set(false);
			}
		}
	}

	/** A safety net: whatever a failed batch left queued is tried again. */
	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
	void poll() {
		wake();
	}

	@PreDestroy
	void stop() {
		this.stopping = true;
	}

	/** Changes queued, per kind. */
	public Map<String, Long> pending() {
		Map<String, Long> pending = new HashMap<>();
		this.jdbc.getJdbcTemplate()
			.query("select kind, count(*) from pf_search_pending group by kind",
					(RowCallbackHandler) (rs) -> pending.put(rs.getString(1), rs.getLong(2)));
		return pending;
	}

	private void drain() {
		// cleared first: a change queued from now on wakes another drain
		this.draining.set(false);
		try {
			while (!this.stopping && applyBatch() == BATCH) {
				// a full batch: there may be more
			}
		}
		catch (RuntimeException ex) {
			if (!this.stopping) {
				log.error("Search: applying queued changes failed; they stay queued and are tried again", ex);
			}
		}
	}

	/** Applies the oldest queued changes; returns how many rows it took. */
	private int applyBatch() {
		List<Long> seqs = new ArrayList<>();
		Map<String, Set<Long>> byKind = new LinkedHashMap<>();
		this.jdbc.getJdbcTemplate()
			.query("select seq, kind, record_id from pf_search_pending order by seq limit " + BATCH,
					(RowCallbackHandler) (rs) -> {
						seqs.add(rs.getLong(1));
						byKind.computeIfAbsent(rs.getString(2), (k) -> new LinkedHashSet<>()).add(rs.getLong(3));
					});
		if (seqs.isEmpty()) {
			return 0;
		}
		byKind.forEach((kind, ids) -> {
			Optional<SearchSource> source = source(kind);
			if (source.isEmpty()) {
				log.warn("Search: {} changes of unknown kind {} dropped", ids.size(), kind);
				return;
			}
			try {
				this.tx.executeWithoutResult((status) -> {
					List<Long> batch = List.copyOf(ids);
					this.index.update(kind, batch, source.get().documents(batch), null);
				});
			}
			catch (RuntimeException ex) {
				// one record that cannot be read must not hold up the rest: one by one,
				// and what still fails is left to a rebuild
				for (Long id : ids) {
					try {
						this.tx.executeWithoutResult((status) -> this.index.update(kind, List.of(id),
								source.get().documents(List.of(id)), null));
					}
					catch (RuntimeException one) {
						log.error("Search: {} {} could not be indexed; rebuild the kind to retry", kind, id, one);
					}
				}
			}
		});
		this.index.commit();
		this.jdbc.update("delete from pf_search_pending where seq in (:seqs)", new MapSqlParameterSource("seqs", seqs));
		return seqs.size();
	}

	/** Someone's name changed: every record that mentions them is indexed again. */
	@Async(EXECUTOR)
	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(NameChanged e) {
		Map<String, List<Long>> byKind = new LinkedHashMap<>();
		for (LuceneIndex.Ref ref : this.index.mentioning(e.kind() + ":" + e.id())) {
			byKind.computeIfAbsent(ref.kind(), (k) -> new ArrayList<>()).add(ref.id());
		}
		byKind.forEach((kind, ids) -> source(kind).ifPresent((s) -> {
			for (int from = 0; from < ids.size(); from += BATCH) {
				List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
				this.index.update(kind, batch, s.documents(batch), null);
			}
		}));
		this.index.commit();
		log.info("Search: {} {} renamed, {} records indexed again", e.kind(), e.id(),
				byKind.values().stream().mapToInt(List::size).sum());
	}

	/** Queues a rebuild of a kind (of every kind when null) on the index's thread. */
	public void rebuild(String kind) {
		for (SearchSource s : this.sources) {
			if (kind == null || kind.equals(s.kind())) {
				if (this.rebuilding.add(s.kind())) {
					this.executor.execute(() -> rebuildNow(s));
				}
			}
		}
	}

	private void rebuildNow(SearchSource source) {
		String generation = UUID.randomUUID().toString();
		long started = System.nanoTime();
		long count = 0;
		try {
			long after = 0;
			while (true) {
				long from = after;
				List<Long> ids = this.tx.execute((status) -> {
					List<Long> batch = source.ids(from, BATCH);
					if (!batch.isEmpty()) {
						this.index.update(source.kind(), batch, source.documents(batch), generation);
					}
					return batch;
				});
				if (ids == null || ids.isEmpty()) {
					break;
				}
				count += ids.size();
				after = ids.get(ids.size() - 1);
				this.index.commit();
			}
			this.index.removeOtherGenerations(source.kind(), generation);
			this.index.commit();
			this.rebuiltAt.put(source.kind(), this.clock.instant());
			log.info("Search: {} rebuilt, {} records in {} ms", source.kind(), count,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.error("Search: rebuilding {} failed after {} records", source.kind(), count, ex);
		}
		finally {
			this.rebuilding.remove(source.kind());
		}
	}

	/**
	 * On start, a kind whose documents do not match its records is rebuilt. The check
	 * runs on the index's thread, after the changes already waiting there.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void check() {
		wake();
		this.executor.execute(() -> {
			for (SearchSource s : this.sources) {
				Long records = this.tx.execute((status) -> s.count());
				long indexed = this.index.count(s.kind());
				if (records != null && records != indexed && this.rebuilding.add(s.kind())) {
					log.info("Search: {} has {} records and {} indexed; rebuilding", s.kind(), records, indexed);
					rebuildNow(s);
				}
			}
		});
	}

	public Optional<Instant> rebuiltAt(String kind) {
		return Optional.ofNullable(this.rebuiltAt.get(kind));
	}

	public boolean rebuilding(String kind) {
		return this.rebuilding.contains(kind);
	}

	private Optional<SearchSource> source(String kind) {
		return this.sources.orderedStream().filter((s) -> s.kind().equals(kind)).findFirst();
	}

}
