package dev.jobs.recurring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.jobs.MisfirePolicy;

/**
 * Decides which occurrences of a recurring job run when a node finds it due, and when it
 * runs next.
 * <p>
 * The due occurrences are the stored next run and every later occurrence up to
 * {@code now}, inclusive. Those at most {@code grace} old are on time (the poller may
 * look only once per poll interval, and nodes' clocks differ by up to the allowed skew)
 * and all run, whatever the policy, so a schedule faster than the poll interval loses no
 * run. The older ones are misfires, and the {@link MisfirePolicy} decides:
 * <ul>
 * <li>{@link MisfirePolicy#FIRE_ONCE FIRE_ONCE}: one run for all of them, as the oldest
 * (the stored next run), which keeps the decision independent of {@code now} and cheap
 * however long the downtime;</li>
 * <li>{@link MisfirePolicy#SKIP SKIP}: none;</li>
 * <li>{@link MisfirePolicy#FIRE_ALL FIRE_ALL}: each, oldest first, at most
 * {@code maxCatchUp} of them.</li>
 * </ul>
 * The next run is then the first occurrence after {@code now}: the job is back on
 * schedule.
 */
final class Misfires {

	private Misfires() {
	}

	/**
	 * Decide what runs now.
	 * @param schedule the recurring job's schedule
	 * @param nextRunAt the stored next run
	 * @param now the present
	 * @param policy what to do about missed occurrences
	 * @param maxCatchUp how many missed occurrences {@link MisfirePolicy#FIRE_ALL} runs
	 * at most
	 * @param grace how old an occurrence may be and still be on time
	 * @return the occurrences to run now, oldest first, and the next run
	 */
	public static Decision decide(Schedule schedule, Instant nextRunAt, Instant now, MisfirePolicy policy,
			int maxCatchUp, Duration grace) {
		Assert.isTrue(maxCatchUp >= 0, "maxCatchUp must not be negative");
		Assert.isTrue(!grace.isNegative(), "grace must not be negative");
		if (nextRunAt.isAfter(now)) {
			return new Decision(List.of(), nextRunAt);
		}
		Instant onTimeFrom = now.minus(grace);
		List<Instant> occurrences = new ArrayList<>();
		Instant next = nextRunAt;
		if (nextRunAt.isBefore(onTimeFrom)) {
			switch (policy) {
				case FIRE_ONCE -> occurrences.add(nextRunAt);
				case SKIP -> {
				}
				case FIRE_ALL -> {
					for (Instant missed = nextRunAt; missed != null && missed.isBefore(onTimeFrom)
							&& occurrences.size() < maxCatchUp; missed = schedule.next(missed)) {
						occurrences.add(missed);
					}
				}
			}
			next = schedule.next(onTimeFrom.minusNanos(1));
		}
		while (next != null && !next.isAfter(now)) {
			occurrences.add(next);
			next = schedule.next(next);
		}
		return new Decision(List.copyOf(occurrences), next);
	}

	/**
	 * What runs now, and when the recurring job runs next.
	 *
	 * @param occurrences the occurrences to run now, oldest first; each becomes one job
	 * @param nextRunAt the next run to store, or {@code null} if the schedule has no
	 * occurrence left
	 */
	public record Decision(List<Instant> occurrences, @Nullable Instant nextRunAt) {

	}

}
