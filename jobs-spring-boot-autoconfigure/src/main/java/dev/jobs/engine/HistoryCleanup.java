package dev.jobs.engine;

import java.lang.reflect.Method;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

import dev.jobs.JobContext;
import dev.jobs.MisfirePolicy;
import dev.jobs.recurring.RecurringDeclaration;
import dev.jobs.recurring.Schedules;
import dev.jobs.store.JobHistoryStore;
import dev.jobs.store.RecurringDefinition;

/**
 * The built-in recurring job {@value #NAME}: deletes expired finished jobs with their
 * executions and log lines, batch after batch, each batch a short transaction of its own,
 * until a batch finds fewer than a full batch. As a recurring job it runs once per
 * interval across every node sharing the database; a run that is cancelled or times out
 * stops between batches, and the next run goes on.
 */
public final class HistoryCleanup {

	/**
	 * The name of the cleanup's recurring job and handler.
	 */
	public static final String NAME = "jobs-history-cleanup";

	private final JobHistoryStore store;

	private final HistoryRetention retention;

	/**
	 * Create the cleanup.
	 * @param store deletes the expired jobs
	 * @param retention how long jobs are kept, and the batch size
	 */
	public HistoryCleanup(JobHistoryStore store, HistoryRetention retention) {
		this.store = store;
		this.retention = retention;
	}

	/**
	 * Delete every expired job, batch after batch.
	 * @param context the context of the running job, or {@code null} outside a job
	 * @return how many jobs were deleted
	 */
	public long cleanUp(@Nullable JobContext context) {
		long deleted = 0;
		int batch;
		do {
			if (context != null && context.isCancelled()) {
				break;
			}
			batch = this.store.deleteExpired(this.retention.retention(), this.retention.retentionFailed(),
					this.retention.batchSize());
			deleted += batch;
		}
		while (batch >= this.retention.batchSize());
		if (context != null && deleted > 0) {
			context.log().info("Deleted {} expired jobs with their executions and log lines", deleted);
		}
		return deleted;
	}

	/**
	 * The handler method, {@link #cleanUp(JobContext)}.
	 * @return the method
	 */
	public static Method handlerMethod() {
		Method method = ReflectionUtils.findMethod(HistoryCleanup.class, "cleanUp", JobContext.class);
		if (method == null) {
			throw new IllegalStateException("HistoryCleanup.cleanUp(JobContext) not found");
		}
		return method;
	}

	/**
	 * The recurring job that runs the cleanup every cleanup interval.
	 * @param zone the zone of recurring jobs
	 * @return the declaration
	 */
	public RecurringDeclaration declaration(ZoneId zone) {
		String interval = this.retention.cleanupInterval().toString();
		return new RecurringDeclaration(new RecurringDefinition(NAME, NAME, Schedules.interval(NAME, interval, zone),
				zone.getId(), null, false, MisfirePolicy.FIRE_ONCE, 0, null, RecurringDefinition.Source.ANNOTATION),
				false, false);
	}

}
