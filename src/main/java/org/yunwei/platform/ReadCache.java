package org.yunwei.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read on nearly every request and changed rarely (the active workflow of a type,
 * the custom fields of a form), kept in memory. The code that changes them calls
 * {@link #forget()}: they are cleared at once and again when the changing transaction has
 * ended, so a reader that loaded the old value in between does not keep it. One
 * application instance holds the data (as it holds the search index).
 */
public final class ReadCache<K, V> {

	private final Map<K, V> values = new ConcurrentHashMap<>();

	/** The value for a key, loaded once (a null value is not kept). */
	public V get(K key, Function<K, V> load) {
		V known = this.values.get(key);
		if (known != null) {
			return known;
		}
		V loaded = load.apply(key);
		if (loaded != null) {
			this.values.put(key, loaded);
		}
		return loaded;
	}

	/**
	 * The values for several keys: the ones not kept yet are loaded together (keys the
	 * loader does not return have no value and are asked again next time).
	 */
	public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> load) {
		Map<K, V> found = new HashMap<>();
		List<K> missing = new ArrayList<>();
		for (K key : keys) {
			V known = this.values.get(key);
			if (known != null) {
				found.put(key, known);
			}
			else {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			load.apply(missing).forEach((k, v) -> {
				if (v != null) {
					this.values.put(k, v);
					found.put(k, v);
				}
			});
		}
		return found;
	}

	/**
	 * Something the values are read from is changing: forget them, now and after commit.
	 */
	public void forget() {
		this.values.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					ReadCache.this.values.clear();
				}
			});
		}
	}

}
