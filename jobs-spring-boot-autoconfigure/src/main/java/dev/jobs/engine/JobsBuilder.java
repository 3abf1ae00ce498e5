package dev.jobs.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.store.JobStore;

/**
 * Builds the {@link DefaultJobs} facade: the store and the factory of jobs are given at
 * first, the rest by name. Without {@link #recurringSettings(RecurringSettings) recurring
 * settings} and a {@link #payloadMapper(JobPayloadMapper) payload mapper} it cannot be
 * built; by default no listener is told anything and no local worker is signalled.
 *
 * @see DefaultJobs#builder(JobStore, NewJobFactory)
 */
public final class JobsBuilder {

	private final JobStore store;

	private final NewJobFactory factory;

	private List<JobLifecycleListener> listeners = List.of();

	private Supplier<WorkerSignals> workerSignals = () -> WorkerSignals.NONE;

	private Map<String, QueueSettings> localQueues = Map.of();

	private @Nullable RecurringSettings recurringSettings;

	private @Nullable JobPayloadMapper payloadMapper;

	JobsBuilder(JobStore store, NewJobFactory factory) {
		this.store = store;
		this.factory = factory;
	}

	/**
	 * The listeners told of enqueued and cancelled jobs, in order; one that throws stops
	 * neither the others nor the caller.
	 * @param listeners the listeners
	 * @return this builder
	 */
	public JobsBuilder listeners(List<JobLifecycleListener> listeners) {
		this.listeners = List.copyOf(listeners);
		return this;
	}

	/**
	 * This node's worker, signalled after enqueues, cancellations and schedule changes;
	 * looked up at each signal, so that it may be created after the facade.
	 * @param workerSignals the worker, or {@link WorkerSignals#NONE}
	 * @return this builder
	 */
	public JobsBuilder workerSignals(Supplier<WorkerSignals> workerSignals) {
		this.workerSignals = workerSignals;
		return this;
	}

	/**
	 * How this node's configuration treats queues, shown in {@link DefaultJobs#queues()}.
	 * @param localQueues the settings by queue name
	 * @return this builder
	 */
	public JobsBuilder localQueues(Map<String, QueueSettings> localQueues) {
		this.localQueues = Map.copyOf(localQueues);
		return this;
	}

	/**
	 * How recurring jobs are read.
	 * @param recurringSettings the settings
	 * @return this builder
	 */
	public JobsBuilder recurringSettings(RecurringSettings recurringSettings) {
		this.recurringSettings = recurringSettings;
		return this;
	}

	/**
	 * What serialises the payloads of recurring jobs.
	 * @param payloadMapper the mapper
	 * @return this builder
	 */
	public JobsBuilder payloadMapper(JobPayloadMapper payloadMapper) {
		this.payloadMapper = payloadMapper;
		return this;
	}

	/**
	 * Build the facade.
	 * @return the facade
	 */
	public DefaultJobs build() {
		RecurringSettings recurringSettings = this.recurringSettings;
		JobPayloadMapper payloadMapper = this.payloadMapper;
		Assert.state(recurringSettings != null, "The recurring settings are not set");
		Assert.state(payloadMapper != null, "The payload mapper is not set");
		return new DefaultJobs(this.factory, this.store, new JobLifecycleListeners(this.listeners), this.workerSignals,
				this.localQueues, recurringSettings, payloadMapper);
	}

}
