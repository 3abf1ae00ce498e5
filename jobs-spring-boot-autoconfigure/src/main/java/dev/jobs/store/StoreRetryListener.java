package dev.jobs.store;

/**
 * Hears of each time the store retries work that a transient failure ended.
 */
@FunctionalInterface
public interface StoreRetryListener {

	/**
	 * A listener that ignores retries.
	 */
	StoreRetryListener NONE = (reason) -> {
	};

	/**
	 * Work is tried again.
	 * @param reason why it failed, one of the reasons of {@link StoreFailures}
	 */
	void retried(String reason);

}
