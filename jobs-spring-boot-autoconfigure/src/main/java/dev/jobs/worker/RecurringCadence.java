package dev.jobs.worker;

import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.recurring.RecurringJobFirer;

/**
 * Fires the due occurrences of recurring jobs from the poll loop: when the next one may
 * be due, and at least once a poll interval, or at once when a schedule changed.
 */
final class RecurringCadence {

	private static final Log logger = LogFactory.getLog(PollingJobWorker.class);

	private final Duration pollInterval;

	private final String nodeName;

	private volatile long nextCheck;

	private final @Nullable RecurringJobFirer firer;

	/**
	 * Create the cadence.
	 * @param pollInterval the longest wait between checks
	 * @param nodeName the node's name, for the log
	 * @param firer fires the due occurrences, or {@code null} for a node that fires none
	 */
	RecurringCadence(Duration pollInterval, String nodeName, @Nullable RecurringJobFirer firer) {
		this.pollInterval = pollInterval;
		this.nodeName = nodeName;
		this.firer = firer;
	}

	/**
	 * Look at the next runs at the next poll.
	 */
	void checkNow() {
		this.nextCheck = System.nanoTime();
	}

	/**
	 * Fire the due occurrences of recurring jobs, when one may be due; a failure is
	 * logged, and the poll goes on to claim.
	 * @return how long until the next check
	 */
	Duration fireQuietly() {
		try {
			return fire();
		}
		catch (RuntimeException ex) {
			logger.warn("Firing recurring jobs on node " + this.nodeName + " failed; claims go on: " + ex.getMessage());
			this.nextCheck = System.nanoTime() + this.pollInterval.toNanos();
			return this.pollInterval;
		}
	}

	private Duration fire() {
		RecurringJobFirer recurring = this.firer;
		if (recurring == null) {
			return this.pollInterval;
		}
		long now = System.nanoTime();
		if (now - this.nextCheck < 0) {
			return Duration.ofNanos(this.nextCheck - now);
		}
		recurring.fireDue();
		Duration wait = recurring.untilNextDue();
		if (wait == null || wait.compareTo(this.pollInterval) > 0) {
			wait = this.pollInterval;
		}
		this.nextCheck = System.nanoTime() + wait.toNanos();
		return wait;
	}

	/**
	 * The recurring jobs this node leaves out because their row cannot be read or their
	 * schedule cannot be parsed.
	 * @return the errors, by recurring job name
	 */
	Map<String, String> unreadable() {
		RecurringJobFirer recurring = this.firer;
		return (recurring != null) ? recurring.unreadable() : Map.of();
	}

}
