package dev.jobs.recurring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.store.EnqueueResult;
import dev.jobs.store.JobWriter;
import dev.jobs.store.NewJob;
import dev.jobs.store.RecurringDefinition;
import dev.jobs.store.RecurringJobStore;
import dev.jobs.store.StoredRecurringJob;

/**
 * Fires the due occurrences of recurring jobs. In the store's transaction that locks a
 * due recurring job, it decides which occurrences run (on time, or missed and handled by
 * the job's misfire policy), enqueues each as an ordinary job with the unique key
 * {@code recurring:<name>:<epoch millis>}, skips one whose previous run is unfinished
 * unless the job allows overlap, stops at {@code maxRuns} and {@code endAt}, and advances
 * the next run. Events follow the commit.
 */
public class RecurringJobFirer {

	private static final Log logger = LogFactory.getLog(RecurringJobFirer.class);

	private static final int BATCH = 20;

	private final RecurringJobStore store;

	private final JobWriter writer;

	private final OccurrenceJobs occurrences;

	private final RecurringSettings settings;

	private final RecurringSchedules schedules;

	private final Map<String, String> unreadable = new ConcurrentHashMap<>();

	private final RecurringJobStore.Firing firing = new LockedFiring();

	/**
	 * Create a firer.
	 * @param store the recurring job store
	 * @param writer stores the occurrences' jobs
	 * @param occurrences builds the occurrences' jobs and tells of them
	 * @param settings the recurring settings
	 */
	public RecurringJobFirer(RecurringJobStore store, JobWriter writer, OccurrenceJobs occurrences,
			RecurringSettings settings) {
		this.store = store;
		this.writer = writer;
		this.occurrences = occurrences;
		this.settings = settings;
		this.schedules = new RecurringSchedules(settings.cronDialect());
	}

	/**
	 * Fire every due occurrence. A recurring job whose row cannot be read or whose
	 * schedule cannot be parsed is logged once, reported by {@link #unreadable()} and
	 * left out until its row changes; it keeps no other recurring job from firing.
	 * @return how many recurring jobs were due
	 */
	public int fireDue() {
		recheckUnreadable();
		int fired = 0;
		int batch;
		do {
			batch = this.store.fireDue(BATCH, this.unreadable.keySet(), this.firing);
			fired += batch;
		}
		while (batch == BATCH);
		return fired;
	}

	/**
	 * How long until the next recurring job is due, by the database's clock.
	 * @return the wait, zero if one is due, or {@code null} if none is scheduled
	 */
	public @Nullable Duration untilNextDue() {
		Duration wait = this.store.untilNextDue(this.unreadable.keySet());
		return (wait != null && wait.isNegative()) ? Duration.ZERO : wait;
	}

	/**
	 * The recurring jobs left out because their row cannot be read or their schedule
	 * cannot be parsed, with why.
	 * @return the errors, by recurring job name
	 */
	public Map<String, String> unreadable() {
		return Map.copyOf(this.unreadable);
	}

	private void unreadable(String name, RuntimeException ex) {
		if (this.unreadable.put(name, String.valueOf(ex.getMessage())) == null) {
			logger.warn(
					"Recurring job '" + name + "' cannot be read (" + ex.getMessage()
							+ "); it does not fire until its definition is fixed, for example by scheduling it again",
					ex);
		}
	}

	/**
	 * Take back into firing the unreadable recurring jobs that were fixed or removed.
	 */
	private void recheckUnreadable() {
		for (String name : List.copyOf(this.unreadable.keySet())) {
			try {
				this.store.find(name).ifPresent((job) -> this.schedules.of(job.definition()));
				this.unreadable.remove(name);
				logger.info("Recurring job '" + name + "' can be read again");
			}
			catch (RuntimeException ex) {
				// still unreadable, or the store is unreachable: try again at the next
				// check
			}
		}
	}

	private @Nullable StoredRecurringJob fire(StoredRecurringJob job, Instant now) {
		RecurringDefinition definition = job.definition();
		Instant nextRunAt = job.nextRunAt();
		if (nextRunAt == null) {
			return job;
		}
		Schedule schedule;
		try {
			schedule = this.schedules.of(definition);
		}
		catch (RuntimeException ex) {
			unreadable(definition.name(), ex);
			return null;
		}
		Misfires.Decision decision = Misfires.decide(schedule.continuing(nextRunAt), nextRunAt, now,
				definition.misfire(), this.settings.maxCatchUp(), this.settings.grace());
		long runs = job.runs();
		long skipped = job.skipped();
		Instant lastRunAt = job.lastRunAt();
		JobId lastJobId = job.lastJobId();
		Instant next = decision.nextRunAt();
		// only the run before this firing counts as "previous": catch-ups of one firing
		// all run
		boolean previousUnfinished = !definition.allowConcurrent() && lastJobId != null
				&& this.store.isUnfinished(lastJobId);
		for (Instant occurrence : decision.occurrences()) {
			if (isOver(definition, runs, occurrence)) {
				next = null;
				break;
			}
			if (previousUnfinished) {
				skipped++;
				logger.info("Skipped occurrence " + occurrence + " of recurring job '" + definition.name()
						+ "': its previous run " + lastJobId + " is unfinished");
				this.occurrences.skipped(definition.name(), occurrence);
				continue;
			}
			NewJob newJob = this.occurrences.create(
					JobRequest.of(definition.handler())
						.uniqueKey("recurring:" + definition.name() + ":" + occurrence.toEpochMilli()),
					definition.payloadJson());
			EnqueueResult result = this.writer.insert(List.of(newJob)).get(0);
			runs++;
			lastRunAt = occurrence;
			lastJobId = result.id();
			if (result.inserted()) {
				this.occurrences.fired(definition.name(), newJob, occurrence, next);
			}
		}
		if (next != null && isOver(definition, runs, next)) {
			next = null;
		}
		return new StoredRecurringJob(definition, job.paused(), runs, skipped, next, lastRunAt, lastJobId,
				job.pausedBy());
	}

	private static boolean isOver(RecurringDefinition definition, long runs, Instant occurrence) {
		return (definition.maxRuns() > 0 && runs >= definition.maxRuns())
				|| (definition.endAt() != null && occurrence.isAfter(definition.endAt()));
	}

	/**
	 * The firing of one due recurring job, in the store's transaction that holds its row
	 * locked.
	 */
	private final class LockedFiring implements RecurringJobStore.Firing {

		@Override
		public @Nullable StoredRecurringJob fire(StoredRecurringJob due, Instant now) {
			return RecurringJobFirer.this.fire(due, now);
		}

		@Override
		public void unreadable(String name, RuntimeException ex) {
			RecurringJobFirer.this.unreadable(name, ex);
		}

	}

}
