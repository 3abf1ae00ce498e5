package dev.jobs.autoconfigure;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.jobs.MisfirePolicy;

/**
 * Configuration of one recurring job, {@code jobs.recurring.<name>.*}: it overrides the
 * values of the {@code @RecurringJob} of that name, or defines a recurring job of its own
 * that names a handler.
 *
 * @since 0.1.0
 */
public class RecurringJobProperties {

	/**
	 * Cron expression: 5-field Unix, 6-field Spring, Quartz, or a macro such as @daily.
	 */
	private @Nullable String cron;

	/**
	 * Interval between occurrences, such as 15m or PT1H.
	 */
	private @Nullable String interval;

	/**
	 * Time zone of the cron expression.
	 */
	private @Nullable String zone;

	/**
	 * Whether the recurring job runs; false pauses it on every node.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Payload of every occurrence, as JSON.
	 */
	private @Nullable String payload;

	/**
	 * Name of the handler its occurrences run; required for a recurring job defined in
	 * configuration alone.
	 */
	private @Nullable String handler;

	/**
	 * Whether an occurrence may start while the previous one is unfinished.
	 */
	private @Nullable Boolean allowConcurrent;

	/**
	 * What to do about occurrences missed while no node ran.
	 */
	private @Nullable MisfirePolicy misfire;

	/**
	 * Most occurrences to run.
	 */
	private @Nullable Integer maxRuns;

	/**
	 * Instant after which no occurrence runs.
	 */
	private @Nullable Instant endAt;

	/**
	 * Whether to run at once when first stored.
	 */
	private @Nullable Boolean runOnStart;

	public @Nullable String getCron() {
		return this.cron;
	}

	public void setCron(@Nullable String cron) {
		this.cron = cron;
	}

	public @Nullable String getInterval() {
		return this.interval;
	}

	public void setInterval(@Nullable String interval) {
		this.interval = interval;
	}

	public @Nullable String getZone() {
		return this.zone;
	}

	public void setZone(@Nullable String zone) {
		this.zone = zone;
	}

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getPayload() {
		return this.payload;
	}

	public void setPayload(@Nullable String payload) {
		this.payload = payload;
	}

	public @Nullable String getHandler() {
		return this.handler;
	}

	public void setHandler(@Nullable String handler) {
		this.handler = handler;
	}

	public @Nullable Boolean getAllowConcurrent() {
		return this.allowConcurrent;
	}

	public void setAllowConcurrent(@Nullable Boolean allowConcurrent) {
		this.allowConcurrent = allowConcurrent;
	}

	public @Nullable MisfirePolicy getMisfire() {
		return this.misfire;
	}

	public void setMisfire(@Nullable MisfirePolicy misfire) {
		this.misfire = misfire;
	}

	public @Nullable Integer getMaxRuns() {
		return this.maxRuns;
	}

	public void setMaxRuns(@Nullable Integer maxRuns) {
		this.maxRuns = maxRuns;
	}

	public @Nullable Instant getEndAt() {
		return this.endAt;
	}

	public void setEndAt(@Nullable Instant endAt) {
		this.endAt = endAt;
	}

	public @Nullable Boolean getRunOnStart() {
		return this.runOnStart;
	}

	public void setRunOnStart(@Nullable Boolean runOnStart) {
		this.runOnStart = runOnStart;
	}

}
