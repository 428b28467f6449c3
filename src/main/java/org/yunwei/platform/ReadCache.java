package org.yunwei.platform;

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
