package dev.jobs.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.jobs.store.NodeRegistry;
import dev.jobs.support.BackgroundThreads;

/**
 * Measures, once per heartbeat interval, how far this node's clock is from the
 * database's, and warns while that is more than {@link #WARN_ABOVE}. The engine judges
 * due times, leases and rescues by the database's clock, so a skewed node still runs jobs
 * on time and is never rescued for it; what a skewed clock does change is what this node
 * stamps with its own time (its log lines, the instants of its events, how it computes
 * recurring occurrences), which is why it is reported. The skew is the node's time minus
 * the database's, taken at the middle of the round trip that reads it.
 */
public class ClockSkewMonitor implements AutoCloseable {

	/**
	 * The skew above which a warning is logged.
	 */
	public static final Duration WARN_ABOVE = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(ClockSkewMonitor.class);

	private final NodeRegistry registry;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor executor;

	private volatile double skewSeconds = Double.NaN;

	private boolean warned;

	/**
	 * Create a monitor that measures at once and then every interval.
	 * @param registry reads the database's time
	 * @param clock this node's clock
	 * @param interval how often to measure
	 */
	public ClockSkewMonitor(NodeRegistry registry, Clock clock, Duration interval) {
		this.registry = registry;
		this.clock = clock;
		this.executor = BackgroundThreads.lasting("jobs-clock-skew-");
		this.executor.scheduleWithFixedDelay(this::measureQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The last measured skew.
	 * @return this node's time minus the database's, in seconds, or {@code NaN} before
	 * the first measurement succeeded
	 */
	public double skewSeconds() {
		return this.skewSeconds;
	}

	/**
	 * Measure the skew now.
	 * @return this node's time minus the database's
	 */
	public synchronized Duration measure() {
		Instant before = this.clock.instant();
		Instant database = this.registry.databaseTime();
		Instant after = this.clock.instant();
		Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
		Duration skew = Duration.between(database, middle);
		this.skewSeconds = skew.toNanos() / 1e9;
		boolean over = skew.abs().compareTo(WARN_ABOVE) > 0;
		if (over && !this.warned) {
			logger.warn("This node's clock is " + describe(skew) + " the database's; jobs still run by the database's"
					+ " clock, but this node's log lines, event instants and recurring computations are off by as"
					+ " much: synchronise the clocks (NTP)");
		}
		else if (!over && this.warned) {
			logger.info("This node's clock is within " + WARN_ABOVE.toSeconds() + "s of the database's again");
		}
		this.warned = over;
		return skew;
	}

	private void measureQuietly() {
		try {
			measure();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not compare this node's clock with the database's", ex);
		}
	}

	private static String describe(Duration skew) {
		return skew.abs().toMillis() + " ms " + (skew.isNegative() ? "behind" : "ahead of");
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
