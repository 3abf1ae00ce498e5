package dev.jobs.worker;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.engine.NewJobFactory;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.recurring.RecurringJobFirer;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.store.JobStore;
import dev.jobs.store.NodeRegistry;

/**
 * Builds a {@link PollingJobWorker}: the store and the handlers it runs are given at
 * first, the rest by name. Without {@link #settings(WorkerSettings) settings}, a
 * {@link #settingsResolver(JobSettingsResolver) settings resolver} and a
 * {@link #payloadMapper(JobPayloadMapper) payload mapper} it cannot be built; everything
 * else is optional: heartbeats go through the store's own node registry, no listener is
 * told anything, {@code JobContext.publish} publishes nowhere, the worker starts with the
 * application context, fires no recurring job, and keeps no log line with the jobs.
 *
 * @see PollingJobWorker#builder(JobStore, JobHandlerRegistry)
 */
public final class WorkerBuilder {

	private final JobStore store;

	private final JobHandlerRegistry handlers;

	private @Nullable WorkerSettings settings;

	private @Nullable NodeRegistry heartbeatRegistry;

	private @Nullable JobSettingsResolver settingsResolver;

	private @Nullable JobPayloadMapper payloadMapper;

	private List<JobLifecycleListener> listeners = List.of();

	private ApplicationEventPublisher eventPublisher = (event) -> {
	};

	private boolean autoStartup = true;

	private @Nullable NewJobFactory recurringJobFactory;

	private @Nullable RecurringSettings recurringSettings;

	private @Nullable Integer maxLogLines;

	WorkerBuilder(JobStore store, JobHandlerRegistry handlers) {
		this.store = store;
		this.handlers = handlers;
	}

	/**
	 * How the worker runs: its node name, concurrency, intervals, queues and group
	 * commit.
	 * @param settings the settings
	 * @return this builder
	 */
	public WorkerBuilder settings(WorkerSettings settings) {
		this.settings = settings;
		return this;
	}

	/**
	 * The node registry that heartbeats and rescues go through, best on a connection of
	 * its own; the store's by default.
	 * @param heartbeatRegistry the registry
	 * @return this builder
	 */
	public WorkerBuilder heartbeatRegistry(NodeRegistry heartbeatRegistry) {
		this.heartbeatRegistry = heartbeatRegistry;
		return this;
	}

	/**
	 * What resolves the settings (queue, attempts, timeout, backoff) of job names.
	 * @param settingsResolver the resolver
	 * @return this builder
	 */
	public WorkerBuilder settingsResolver(JobSettingsResolver settingsResolver) {
		this.settingsResolver = settingsResolver;
		return this;
	}

	/**
	 * What reads payloads and writes results.
	 * @param payloadMapper the mapper
	 * @return this builder
	 */
	public WorkerBuilder payloadMapper(JobPayloadMapper payloadMapper) {
		this.payloadMapper = payloadMapper;
		return this;
	}

	/**
	 * The listeners told what happens to jobs, in order; one that throws stops neither
	 * the others nor the job.
	 * @param listeners the listeners
	 * @return this builder
	 */
	public WorkerBuilder listeners(List<JobLifecycleListener> listeners) {
		this.listeners = List.copyOf(listeners);
		return this;
	}

	/**
	 * Where the events of {@code JobContext.publish} go.
	 * @param eventPublisher the publisher
	 * @return this builder
	 */
	public WorkerBuilder eventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
		return this;
	}

	/**
	 * Whether the worker starts with the application context; {@code true} by default.
	 * @param autoStartup whether it starts by itself
	 * @return this builder
	 */
	public WorkerBuilder autoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
		return this;
	}

	/**
	 * Fire the due occurrences of recurring jobs from the worker's poll loop.
	 * @param factory builds the occurrences' jobs
	 * @param settings how recurring jobs are read
	 * @return this builder
	 */
	public WorkerBuilder recurring(NewJobFactory factory, RecurringSettings settings) {
		this.recurringJobFactory = factory;
		this.recurringSettings = settings;
		return this;
	}

	/**
	 * Keep the lines handlers log through {@code JobContext.log()} with their jobs in the
	 * store; without this, they go to the application's logging only.
	 * @param maxLogLines the most lines kept per job; 0 keeps none
	 * @return this builder
	 */
	public WorkerBuilder maxLogLines(int maxLogLines) {
		this.maxLogLines = maxLogLines;
		return this;
	}

	/**
	 * Build the worker, not started.
	 * @return the worker
	 */
	public PollingJobWorker build() {
		WorkerSettings settings = this.settings;
		JobSettingsResolver settingsResolver = this.settingsResolver;
		JobPayloadMapper payloadMapper = this.payloadMapper;
		Assert.state(settings != null, "The worker settings are not set");
		Assert.state(settingsResolver != null, "The job settings resolver is not set");
		Assert.state(payloadMapper != null, "The payload mapper is not set");
		JobLifecycleListener listener = JobLifecycleListener.all(this.listeners);
		return new PollingJobWorker(settings, this.store,
				(this.heartbeatRegistry != null) ? this.heartbeatRegistry : this.store.nodes(), this.handlers,
				settingsResolver, payloadMapper, listener, this.eventPublisher, this.autoStartup,
				recurringJobFirer(listener), jobLogs());
	}

	private @Nullable RecurringJobFirer recurringJobFirer(JobLifecycleListener listener) {
		if (this.recurringJobFactory == null || this.recurringSettings == null) {
			return null;
		}
		return new RecurringJobFirer(this.store.recurring(), this.store.writer(),
				new RecurringOccurrences(this.recurringJobFactory, listener), this.recurringSettings);
	}

	private @Nullable JobLogs jobLogs() {
		return (this.maxLogLines != null) ? new JobLogs(this.store.logs(), this.maxLogLines) : null;
	}

}
