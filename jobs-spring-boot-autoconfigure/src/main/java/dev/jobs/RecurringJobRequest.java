package dev.jobs;

import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A recurring job to schedule at run time with
 * {@link Jobs#schedule(RecurringJobRequest)}. Immutable; each option method returns a new
 * request.
 *
 * <pre class="code">
 * jobs.schedule(RecurringJobRequest.cron("daily-cleanup", "0 0 * * *")
 *     .handler("data-cleanup").payload(cleanupSpec).zone(ZoneId.of("UTC")));
 * </pre>
 *
 * @since 0.1.0
 */
public final class RecurringJobRequest {

	private final String name;

	private final @Nullable String cron;

	private final @Nullable String interval;

	private final @Nullable String handler;

	private final @Nullable Object payload;

	private final @Nullable ZoneId zone;

	private final boolean allowConcurrent;

	private final MisfirePolicy misfire;

	private final int maxRuns;

	private final @Nullable Instant endAt;

	private RecurringJobRequest(String name, @Nullable String cron, @Nullable String interval, @Nullable String handler,
			@Nullable Object payload, @Nullable ZoneId zone, boolean allowConcurrent, MisfirePolicy misfire,
			int maxRuns, @Nullable Instant endAt) {
		this.name = name;
		this.cron = cron;
		this.interval = interval;
		this.handler = handler;
		this.payload = payload;
		this.zone = zone;
		this.allowConcurrent = allowConcurrent;
		this.misfire = misfire;
		this.maxRuns = maxRuns;
		this.endAt = endAt;
	}

	/**
	 * A recurring job on a cron schedule.
	 * @param name the recurring job's name, also its handler's unless
	 * {@link #handler(String)} names another
	 * @param cron the cron expression
	 * @return the request
	 * @throws InvalidJobRequestException if the name breaks a rule of {@link JobNames}
	 */
	public static RecurringJobRequest cron(String name, String cron) {
		return new RecurringJobRequest(checkedName(name), cron, null, null, null, null, false, MisfirePolicy.FIRE_ONCE,
				0, null);
	}

	/**
	 * A recurring job at a fixed interval.
	 * @param name the recurring job's name, also its handler's unless
	 * {@link #handler(String)} names another
	 * @param interval the interval, such as {@code 15m} or {@code PT1H}
	 * @return the request
	 * @throws InvalidJobRequestException if the name breaks a rule of {@link JobNames}
	 */
	public static RecurringJobRequest interval(String name, String interval) {
		return new RecurringJobRequest(checkedName(name), null, interval, null, null, null, false,
				MisfirePolicy.FIRE_ONCE, 0, null);
	}

	private static String checkedName(String name) {
		return JobNames.checkRecurringName(name);
	}

	/**
	 * Run the given handler at each occurrence.
	 * @param handler the handler's job name
	 * @return a new request
	 * @throws InvalidJobRequestException if the name breaks a rule of {@link JobNames}
	 */
	public RecurringJobRequest handler(String handler) {
		JobNames.check("Handler of recurring job '" + this.name + "'", handler, JobNames.MAX_JOB_NAME_LENGTH);
		return new RecurringJobRequest(this.name, this.cron, this.interval, handler, this.payload, this.zone,
				this.allowConcurrent, this.misfire, this.maxRuns, this.endAt);
	}

	/**
	 * Give every occurrence this payload.
	 * @param payload any JSON-mappable value
	 * @return a new request
	 */
	public RecurringJobRequest payload(@Nullable Object payload) {
		return new RecurringJobRequest(this.name, this.cron, this.interval, this.handler, payload, this.zone,
				this.allowConcurrent, this.misfire, this.maxRuns, this.endAt);
	}

	/**
	 * Read the cron expression in this zone.
	 * @param zone the zone
	 * @return a new request
	 */
	public RecurringJobRequest zone(ZoneId zone) {
		return new RecurringJobRequest(this.name, this.cron, this.interval, this.handler, this.payload, zone,
				this.allowConcurrent, this.misfire, this.maxRuns, this.endAt);
	}

	/**
	 * Let an occurrence start while the previous one is unfinished.
	 * @param allowConcurrent whether runs may overlap
	 * @return a new request
	 */
	public RecurringJobRequest allowConcurrent(boolean allowConcurrent) {
		return new RecurringJobRequest(this.name, this.cron, this.interval, this.handler, this.payload, this.zone,
				allowConcurrent, this.misfire, this.maxRuns, this.endAt);
	}

	/**
	 * Handle occurrences missed while no node ran as the policy says.
	 * @param misfire the policy
	 * @return a new request
	 */
	public RecurringJobRequest misfire(MisfirePolicy misfire) {
		return new RecurringJobRequest(this.name, this.cron, this.interval, this.handler, this.payload, this.zone,
				this.allowConcurrent, misfire, this.maxRuns, this.endAt);
	}

	/**
	 * Run at most this many occurrences.
	 * @param maxRuns the limit, at least 1
	 * @return a new request
	 */
	public RecurringJobRequest maxRuns(int maxRuns) {
		if (maxRuns < 1) {
			throw new InvalidJobRequestException(
					"Max runs of recurring job '" + this.name + "' must be at least 1, was " + maxRuns);
		}
		return new RecurringJobRequest(this.name, this.cron, this.interval, this.handler, this.payload, this.zone,
				this.allowConcurrent, this.misfire, maxRuns, this.endAt);
	}

	/**
	 * Run no occurrence after this instant.
	 * @param endAt the end
	 * @return a new request
	 */
	public RecurringJobRequest endAt(Instant endAt) {
		return new RecurringJobRequest(this.name, this.cron, this.interval, this.handler, this.payload, this.zone,
				this.allowConcurrent, this.misfire, this.maxRuns, endAt);
	}

	/**
	 * The name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The cron expression.
	 * @return the expression, or {@code null} for an interval
	 */
	public @Nullable String cron() {
		return this.cron;
	}

	/**
	 * The interval.
	 * @return the interval text, or {@code null} for a cron expression
	 */
	public @Nullable String interval() {
		return this.interval;
	}

	/**
	 * The handler's name.
	 * @return the handler, defaulting to the name
	 */
	public String handler() {
		return (this.handler != null) ? this.handler : this.name;
	}

	/**
	 * The payload.
	 * @return the payload, or {@code null}
	 */
	public @Nullable Object payload() {
		return this.payload;
	}

	/**
	 * The zone.
	 * @return the zone, or {@code null} for the default
	 */
	public @Nullable ZoneId zone() {
		return this.zone;
	}

	/**
	 * Whether runs may overlap.
	 * @return whether runs may overlap
	 */
	public boolean allowConcurrent() {
		return this.allowConcurrent;
	}

	/**
	 * The misfire policy.
	 * @return the policy
	 */
	public MisfirePolicy misfire() {
		return this.misfire;
	}

	/**
	 * The run limit.
	 * @return the limit, 0 for none
	 */
	public int maxRuns() {
		return this.maxRuns;
	}

	/**
	 * The end.
	 * @return the end, or {@code null}
	 */
	public @Nullable Instant endAt() {
		return this.endAt;
	}

}
