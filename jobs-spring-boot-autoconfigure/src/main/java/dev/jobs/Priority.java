package dev.jobs;

/**
 * How urgent a job is. Due jobs of a queue are claimed in priority order, then by due
 * time.
 *
 * @since 0.1.0
 */
public enum Priority {

	/**
	 * Runs after every more urgent due job of its queue.
	 */
	LOW(3),

	/**
	 * The default priority.
	 */
	NORMAL(2),

	/**
	 * Runs before normal and low priority jobs of its queue.
	 */
	HIGH(1),

	/**
	 * Runs before every other due job of its queue.
	 */
	CRITICAL(0);

	private final int rank;

	Priority(int rank) {
		this.rank = rank;
	}

	/**
	 * The value stored in the database, lower first, so that the claim query can read an
	 * ascending index.
	 * @return the rank, {@code 0} for {@link #CRITICAL} to {@code 3} for {@link #LOW}
	 */
	public int rank() {
		return this.rank;
	}

	/**
	 * The priority stored as the given rank.
	 * @param rank a value from {@link #rank()}
	 * @return the priority
	 * @throws IllegalArgumentException if no priority has that rank
	 */
	public static Priority ofRank(int rank) {
		for (Priority priority : values()) {
			if (priority.rank == rank) {
				return priority;
			}
		}
		throw new IllegalArgumentException("Unknown priority rank " + rank);
	}

}
