package dev.jobs.store;

/**
 * The schedule of a recurring job as the store keeps it: its kind and its text. The
 * recurring jobs' parsed schedules are stored schedules, so that a definition carries the
 * schedule parsed where it entered; one read back from the store is {@link #of its text}
 * until it is parsed.
 */
public interface StoredSchedule {

	/**
	 * What the text is.
	 * @return the kind
	 */
	Kind kind();

	/**
	 * The schedule as the user wrote it: the cron expression or macro, or the interval.
	 * @return the schedule's text
	 */
	String text();

	/**
	 * Whether another schedule is stored the same.
	 * @param other the other schedule
	 * @return whether both have the same kind and text
	 */
	default boolean sameTextAs(StoredSchedule other) {
		return kind() == other.kind() && text().equals(other.text());
	}

	/**
	 * A schedule as it is read from the store, not parsed.
	 * @param kind the kind
	 * @param text the text
	 * @return the schedule
	 */
	static StoredSchedule of(Kind kind, String text) {
		return new Text(kind, text);
	}

	/**
	 * What the text of a schedule is.
	 */
	enum Kind {

		/**
		 * A cron expression or macro.
		 */
		CRON,

		/**
		 * A fixed interval.
		 */
		INTERVAL

	}

	/**
	 * A schedule's text, as stored.
	 *
	 * @param kind the kind
	 * @param text the text
	 */
	record Text(Kind kind, String text) implements StoredSchedule {

	}

}
