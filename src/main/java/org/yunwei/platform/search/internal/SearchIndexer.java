package org.yunwei.platform.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.platform.identity.NameChanged;
import org.yunwei.platform.search.SearchChanged;
import org.yunwei.platform.search.SearchSource;

/**
 * Applies changes to the index after their transaction commits, one at a time on the
 * index's own thread (so a later state is never overwritten by an earlier one). Each
 * change is an event publication: it is completed only once the index has committed it,
 * so a change interrupted by a crash is delivered again on restart. Also rebuilds a kind
 * from its source, and on start rebuilds any kind whose count disagrees with the
 * database.
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

	private final Clock clock;

	private final Map<String, Instant> rebuiltAt = new ConcurrentHashMap<>();

	private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();

	SearchIndexer(LuceneIndex index, ObjectProvider<SearchSource> sources, @Qualifier(EXECUTOR) TaskExecutor executor,
			PlatformTransactionManager transactions, Clock clock) {
		this.index = index;
		this.sources = sources;
		this.executor = executor;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setReadOnly(true);
		this.clock = clock;
	}

	@Async(EXECUTOR)
	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(SearchChanged e) {
		source(e.kind()).ifPresent((s) -> {
			List<Long> ids = List.of(e.id());
			this.index.update(e.kind(), ids, s.documents(ids), null);
			this.index.commit();
		});
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
