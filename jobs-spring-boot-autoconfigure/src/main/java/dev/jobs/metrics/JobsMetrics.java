package dev.jobs.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobWorker;
import dev.jobs.engine.CachedJobStats;
import dev.jobs.engine.ClockSkewMonitor;
import dev.jobs.engine.HandlerCoverage;

/**
 * The meters of the jobs starter: their names and tags, and the gauges. Counters and
 * timers are recorded by {@link MicrometerJobLifecycleListener}.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr>
 * <th>name</th>
 * <th>type</th>
 * <th>tags</th>
 * </tr>
 * <tr>
 * <td>{@value #ENQUEUED}</td>
 * <td>counter</td>
 * <td>{@code job}, {@code queue}</td>
 * </tr>
 * <tr>
 * <td>{@value #EXECUTION}</td>
 * <td>timer</td>
 * <td>{@code job}, {@code queue}, {@code outcome} (completed, retried, failed, cancelled,
 * timed_out)</td>
 * </tr>
 * <tr>
 * <td>{@value #WAIT}</td>
 * <td>timer: due time to start</td>
 * <td>{@code job}, {@code queue}</td>
 * </tr>
 * <tr>
 * <td>{@value #QUEUE_SIZE}</td>
 * <td>gauge</td>
 * <td>{@code queue}, {@code status}</td>
 * </tr>
 * <tr>
 * <td>{@value #WORKERS_ACTIVE}</td>
 * <td>gauge</td>
 * <td></td>
 * </tr>
 * <tr>
 * <td>{@value #WORKERS_CAPACITY}</td>
 * <td>gauge</td>
 * <td></td>
 * </tr>
 * <tr>
 * <td>{@value #RECURRING_SKIPPED}</td>
 * <td>counter</td>
 * <td>{@code recurring}</td>
 * </tr>
 * <tr>
 * <td>{@value #RESCUED}</td>
 * <td>counter</td>
 * <td></td>
 * </tr>
 * <tr>
 * <td>{@value #UNHANDLED}</td>
 * <td>gauge: pending jobs that no live node has a handler for</td>
 * <td></td>
 * </tr>
 * <tr>
 * <td>{@value #CLOCK_SKEW}</td>
 * <td>gauge: seconds of this node's clock minus the database's</td>
 * <td></td>
 * </tr>
 * <tr>
 * <td>{@value #STORE_RETRIES}</td>
 * <td>counter</td>
 * <td>{@code reason} (deadlock, lock-wait, connection)</td>
 * </tr>
 * <tr>
 * <td>{@value #WRITES_FENCED}</td>
 * <td>counter</td>
 * <td></td>
 * </tr>
 * </table>
 *
 * <p>
 * The {@value #QUEUE_SIZE} gauges read the counts of one grouped query, cached for a few
 * seconds ({@link CachedJobStats}), whatever the number of gauges and scrapes. A gauge is
 * registered for each queue and status the first time they appear, and reports 0 once its
 * jobs are gone. The {@value #WORKERS_ACTIVE} and {@value #WORKERS_CAPACITY} gauges exist
 * only on a node with a worker.
 */
public class JobsMetrics implements MeterBinder {

	/**
	 * Counter of enqueued jobs.
	 */
	public static final String ENQUEUED = "jobs.enqueued";

	/**
	 * Timer of finished attempts, by outcome.
	 */
	public static final String EXECUTION = "jobs.execution";

	/**
	 * Timer from a job's due time to the start of its attempt.
	 */
	public static final String WAIT = "jobs.wait";

	/**
	 * Gauge of the number of jobs by queue and status.
	 */
	public static final String QUEUE_SIZE = "jobs.queue.size";

	/**
	 * Gauge of the jobs running on this node.
	 */
	public static final String WORKERS_ACTIVE = "jobs.workers.active";

	/**
	 * Gauge of the jobs that may run at once on this node.
	 */
	public static final String WORKERS_CAPACITY = "jobs.workers.capacity";

	/**
	 * Counter of recurring occurrences skipped because the previous run was unfinished.
	 */
	public static final String RECURRING_SKIPPED = "jobs.recurring.skipped";

	/**
	 * Counter of running jobs of dead nodes returned to pending.
	 */
	public static final String RESCUED = "jobs.rescued";

	/**
	 * Gauge of the pending jobs whose name no live node has a handler for.
	 */
	public static final String UNHANDLED = "jobs.unhandled";

	/**
	 * Gauge of this node's clock minus the database's, in seconds.
	 */
	public static final String CLOCK_SKEW = "jobs.clock.skew";

	/**
	 * Counter of store work tried again after a deadlock, a lock wait time-out or a
	 * connection failure.
	 */
	public static final String STORE_RETRIES = "jobs.store.retries";

	/**
	 * Counter of late writes of attempts dropped because their node no longer owned the
	 * job (fencing).
	 */
	public static final String WRITES_FENCED = "jobs.writes.fenced";

	/**
	 * Tag of the job name: a registered handler's name, else {@value #UNKNOWN_JOB}.
	 */
	public static final String TAG_JOB = "job";

	/**
	 * Tag of the queue.
	 */
	public static final String TAG_QUEUE = "queue";

	/**
	 * Tag of an attempt's outcome.
	 */
	public static final String TAG_OUTCOME = "outcome";

	/**
	 * Tag of a job status, lower case.
	 */
	public static final String TAG_STATUS = "status";

	/**
	 * Tag of a recurring job's name.
	 */
	public static final String TAG_RECURRING = "recurring";

	/**
	 * Tag of why store work was retried.
	 */
	public static final String TAG_REASON = "reason";

	/**
	 * The {@value #TAG_JOB} tag of names without a handler on this node.
	 */
	public static final String UNKNOWN_JOB = "unknown";

	private final QueueSizeGauges queueSizes;

	private final @Nullable JobWorker worker;

	private final @Nullable HandlerCoverage coverage;

	private final @Nullable ClockSkewMonitor clockSkew;

	/**
	 * Create the binder.
	 * @param stats the cached counts by queue and status
	 * @param worker this node's worker, or {@code null} if it has none
	 * @param coverage which job names the live nodes handle, or {@code null} for no
	 * {@value #UNHANDLED} gauge
	 */
	public JobsMetrics(CachedJobStats stats, @Nullable JobWorker worker, @Nullable HandlerCoverage coverage) {
		this(stats, worker, coverage, null);
	}

	/**
	 * Create the binder.
	 * @param stats the cached counts by queue and status
	 * @param worker this node's worker, or {@code null} if it has none
	 * @param coverage which job names the live nodes handle, or {@code null} for no
	 * {@value #UNHANDLED} gauge
	 * @param clockSkew measures this node's clock against the database's, or {@code null}
	 * for no {@value #CLOCK_SKEW} gauge
	 */
	public JobsMetrics(CachedJobStats stats, @Nullable JobWorker worker, @Nullable HandlerCoverage coverage,
			@Nullable ClockSkewMonitor clockSkew) {
		this.queueSizes = new QueueSizeGauges(stats);
		this.worker = worker;
		this.coverage = coverage;
		this.clockSkew = clockSkew;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		JobWorker local = this.worker;
		if (local != null) {
			Gauge.builder(WORKERS_ACTIVE, local, JobWorker::activeJobs)
				.description("Jobs running on this node")
				.strongReference(true)
				.register(registry);
			Gauge.builder(WORKERS_CAPACITY, local, JobWorker::capacity)
				.description("Jobs that may run at once on this node")
				.strongReference(true)
				.register(registry);
		}
		HandlerCoverage handlers = this.coverage;
		if (handlers != null) {
			Gauge.builder(UNHANDLED, handlers, JobsMetrics::unhandled)
				.description("Pending jobs whose name no live node has a handler for")
				.strongReference(true)
				.register(registry);
		}
		ClockSkewMonitor skew = this.clockSkew;
		if (skew != null) {
			Gauge.builder(CLOCK_SKEW, skew, ClockSkewMonitor::skewSeconds)
				.description("This node's clock minus the database's")
				.baseUnit("seconds")
				.strongReference(true)
				.register(registry);
		}
		this.queueSizes.bindTo(registry);
	}

	private static double unhandled(HandlerCoverage coverage) {
		try {
			return coverage.unhandledJobs().values().stream().mapToLong(Long::longValue).sum();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
