package dev.jobs.recurring;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.RecurringJobInfo;
import dev.jobs.RecurringJobNotFoundException;
import dev.jobs.RecurringJobRequest;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.RecurringDefinition.Source;
import dev.jobs.store.RecurringDefinition;
import dev.jobs.store.RecurringJobStore;
import dev.jobs.store.StoredRecurringJob.PausedBy;
import dev.jobs.store.StoredRecurringJob;

/**
 * Defines, steers and reconciles recurring jobs: the run-time API behind {@code Jobs},
 * and, at start-up, the reconciliation of declared definitions with stored ones.
 */
public class RecurringJobService {

	private static final Log logger = LogFactory.getLog(RecurringJobService.class);

	private final RecurringJobStore store;

	private final RecurringSettings settings;

	private final JobPayloadMapper payloadMapper;

	private final BiFunction<JobRequest, @Nullable String, JobId> enqueuer;

	private final Runnable scheduleChanged;

	private final RecurringSchedules schedules;

	/**
	 * Create the service.
	 * @param store the recurring job store
	 * @param settings the recurring settings
	 * @param payloadMapper serialises payloads
	 * @param enqueuer enqueues triggered runs, given a request and its payload JSON
	 * @param scheduleChanged tells this node's worker that a schedule changed
	 */
	public RecurringJobService(RecurringJobStore store, RecurringSettings settings, JobPayloadMapper payloadMapper,
			BiFunction<JobRequest, @Nullable String, JobId> enqueuer, Runnable scheduleChanged) {
		this.store = store;
		this.settings = settings;
		this.payloadMapper = payloadMapper;
		this.enqueuer = enqueuer;
		this.scheduleChanged = scheduleChanged;
		this.schedules = new RecurringSchedules(settings.cronDialect());
	}

	/**
	 * Schedule a recurring job from the API, replacing one with the same name.
	 * @param request the request
	 * @return the stored recurring job
	 */
	public RecurringJobInfo schedule(RecurringJobRequest request) {
		String zone = (request.zone() != null) ? request.zone().getId() : this.settings.zone().getId();
		String payloadJson = this.payloadMapper.writePayload(request.handler(), request.payload());
		Schedule schedule = Schedules.parse(request.name(), request.cron(), request.interval(), zone,
				this.settings.cronDialect());
		RecurringDefinition definition = new RecurringDefinition(request.name(), request.handler(), schedule, zone,
				payloadJson, request.allowConcurrent(), request.misfire(), request.maxRuns(), request.endAt(),
				Source.API);
		StoredRecurringJob stored = reconcile(definition, false, false);
		this.scheduleChanged.run();
		return info(stored);
	}

	/**
	 * Bring the stored definitions in line with the declared ones: new ones are stored, a
	 * changed schedule takes effect from now (never at or before an occurrence that ran),
	 * and stored annotation or configuration definitions that are declared no more are
	 * paused and reported, not deleted. Definitions created through the API are kept.
	 * Configuration is the source of truth for what it sets: a recurring job that it, or
	 * a missing declaration, paused resumes once declared and enabled again; one paused
	 * through the API stays paused until resumed through the API. Each definition is
	 * reconciled with its row locked, so that no node fires it in between.
	 * @param declared the definitions of annotations and configuration, with whether each
	 * runs on start and is disabled
	 */
	public void synchronize(List<RecurringDeclaration> declared) {
		Map<String, StoredRecurringJob> stored = new HashMap<>();
		this.store.findAll().forEach((job) -> stored.put(job.name(), job));
		for (RecurringDeclaration declaration : declared) {
			reconcile(declaration.definition(), declaration.runOnStart(), declaration.disabled());
			stored.remove(declaration.definition().name());
		}
		stored.values()
			.stream()
			.filter((job) -> job.definition().source() != Source.API && !job.paused())
			.forEach((job) -> {
				logger.warn("Recurring job '" + job.name() + "' is stored but no longer declared ("
						+ job.definition().source() + "); it is paused, not deleted. Remove it with "
						+ "Jobs.unschedule(\"" + job.name() + "\") if it is gone for good");
				this.store.setPaused(job.name(), PausedBy.UNDECLARED, job.nextRunAt());
			});
	}

	private StoredRecurringJob reconcile(RecurringDefinition definition, boolean runOnStart, boolean disabled) {
		Schedule schedule = this.schedules.of(definition);
		return this.store.update(definition.name(), (existing) -> {
			Instant now = this.store.now();
			if (existing == null) {
				Instant next = runOnStart ? now : schedule.firstAfter(now);
				return new StoredRecurringJob(definition, disabled, 0, 0, next, null, null,
						disabled ? PausedBy.CONFIGURATION : null);
			}
			PausedBy pausedBy = pausedBy(existing, disabled);
			if (existing.definition().equals(definition) && existing.pausedBy() == pausedBy
					&& (existing.nextRunAt() != null || existing.runs() > 0)) {
				return existing;
			}
			Instant next;
			if (existing.paused() && pausedBy == null) {
				next = resumedNext(existing, schedule, now);
			}
			else if (existing.definition().sameScheduleAs(definition) && existing.nextRunAt() != null) {
				next = existing.nextRunAt();
			}
			else {
				// from now, and never at or before an occurrence that already ran
				Instant lastRunAt = existing.lastRunAt();
				next = schedule.firstAfter((lastRunAt != null && lastRunAt.isAfter(now)) ? lastRunAt : now);
			}
			return new StoredRecurringJob(definition, pausedBy != null, existing.runs(), existing.skipped(), next,
					existing.lastRunAt(), existing.lastJobId(), pausedBy);
		});
	}

	/**
	 * Who pauses a recurring job once its declaration is reconciled: a pause of the API
	 * stays until the API resumes it; configuration pauses it or resumes what it, or a
	 * missing declaration, paused.
	 */
	private static @Nullable PausedBy pausedBy(StoredRecurringJob existing, boolean disabled) {
		if (existing.pausedBy() == PausedBy.API) {
			return PausedBy.API;
		}
		return disabled ? PausedBy.CONFIGURATION : null;
	}

	/**
	 * The next run of a recurring job that resumes: its first occurrence after now, on
	 * the grid of its last run.
	 */
	private static @Nullable Instant resumedNext(StoredRecurringJob job, Schedule schedule, Instant now) {
		Instant lastRunAt = job.lastRunAt();
		return (lastRunAt != null) ? schedule.continuing(lastRunAt).next(now) : schedule.firstAfter(now);
	}

	/**
	 * Every stored recurring job.
	 * @return the recurring jobs
	 */
	public List<RecurringJobInfo> recurringJobs() {
		return this.store.findAll().stream().map(this::info).toList();
	}

	/**
	 * Pause a recurring job.
	 * @param name its name
	 * @return {@code false} if there is none
	 */
	public boolean pause(String name) {
		return this.store.find(name)
			.map((job) -> this.store.setPaused(name, PausedBy.API, job.nextRunAt()))
			.orElse(false);
	}

	/**
	 * Resume a recurring job from its first occurrence after now.
	 * @param name its name
	 * @return {@code false} if there is none
	 */
	public boolean resume(String name) {
		StoredRecurringJob job = this.store.find(name).orElse(null);
		if (job == null) {
			return false;
		}
		Schedule schedule = this.schedules.of(job.definition());
		boolean resumed = this.store.setPaused(name, null, resumedNext(job, schedule, this.store.now()));
		this.scheduleChanged.run();
		return resumed;
	}

	/**
	 * Run a recurring job once now.
	 * @param name its name
	 * @return the enqueued job's id
	 */
	public JobId trigger(String name) {
		StoredRecurringJob job = this.store.find(name).orElseThrow(() -> new RecurringJobNotFoundException(name));
		return this.enqueuer.apply(JobRequest.of(job.definition().handler()), job.definition().payloadJson());
	}

	/**
	 * Remove a recurring job.
	 * @param name its name
	 * @return {@code false} if there was none
	 */
	public boolean unschedule(String name) {
		return this.store.delete(name);
	}

	private RecurringJobInfo info(StoredRecurringJob job) {
		RecurringDefinition definition = job.definition();
		return new RecurringJobInfo(definition.name(), definition.handler(), definition.schedule().text(),
				java.time.ZoneId.of(definition.zone()), job.nextRunAt(), job.lastRunAt(), job.paused());
	}

}
