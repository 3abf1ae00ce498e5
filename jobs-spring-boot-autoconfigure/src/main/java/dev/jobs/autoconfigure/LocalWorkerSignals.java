package dev.jobs.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import dev.jobs.engine.WorkerSignals;
import dev.jobs.worker.PollingJobWorker;

/**
 * This node's worker as the {@code Jobs} bean signals it after each enqueue: looked up
 * lazily, since the worker is created after the {@code Jobs} bean, and kept once found,
 * so that an enqueue does not resolve a bean each time. A node whose worker is disabled
 * has {@link WorkerSignals#NONE}.
 */
final class LocalWorkerSignals implements Supplier<WorkerSignals> {

	private final @Nullable ObjectProvider<PollingJobWorker> worker;

	private volatile @Nullable WorkerSignals found;

	private LocalWorkerSignals(@Nullable ObjectProvider<PollingJobWorker> worker) {
		this.worker = worker;
	}

	static Supplier<WorkerSignals> of(ObjectProvider<PollingJobWorker> worker, boolean workerEnabled) {
		return new LocalWorkerSignals(workerEnabled ? worker : null);
	}

	@Override
	public WorkerSignals get() {
		WorkerSignals known = this.found;
		if (known != null) {
			return known;
		}
		PollingJobWorker local = (this.worker != null) ? this.worker.getIfAvailable() : null;
		if (local == null) {
			return WorkerSignals.NONE;
		}
		this.found = local;
		return local;
	}

}
