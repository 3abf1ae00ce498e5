package dev.jobs.recurring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Helpers that list a schedule's occurrences, for the tests of this package.
 */
final class ScheduleAssertions {

	private ScheduleAssertions() {
	}

	static List<Instant> occurrences(Schedule schedule, Instant after, int count) {
		List<Instant> occurrences = new ArrayList<>();
		Instant current = after;
		for (int i = 0; i < count; i++) {
			Instant next = schedule.next(current);
			if (next == null) {
				break;
			}
			occurrences.add(next);
			current = next;
		}
		return occurrences;
	}

	static List<Instant> occurrencesUntil(Schedule schedule, Instant after, Instant until) {
		List<Instant> occurrences = new ArrayList<>();
		for (Instant next = schedule.next(after); next != null && next.isBefore(until); next = schedule.next(next)) {
			occurrences.add(next);
		}
		return occurrences;
	}

	static List<Instant> instants(String spaceSeparated) {
		return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(Instant::parse).toList();
	}

}
