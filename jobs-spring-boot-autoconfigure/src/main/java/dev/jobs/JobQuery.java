package dev.jobs;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Criteria for {@link Jobs#query(JobQuery)} and {@link Jobs#count(JobQuery)}: filters, a
 * sort order and a page.
 *
 * <pre class="code">
 * JobQuery.builder().name("send-email").status(JobStatus.FAILED)
 *     .sortBy(JobQuery.Sort.CREATED_AT).descending().offset(0).limit(20).build();
 * JobQuery.builder().statuses(JobStatus.FAILED, JobStatus.CANCELLED).priorities(Priority.HIGH)
 *     .search("order-42").build();
 * </pre>
 *
 * @param name only jobs of this name, or {@code null} for any
 * @param queue only jobs of this queue, or {@code null} for any
 * @param statuses only jobs in one of these statuses, or empty for any
 * @param priorities only jobs of one of these priorities, or empty for any
 * @param search only jobs whose name or unique key contains this text, ignoring case and
 * taking {@code %} and {@code _} literally, or whose id it is; {@code null} for any
 * @param createdAfter only jobs created at or after this instant, or {@code null}
 * @param createdBefore only jobs created before this instant, or {@code null}
 * @param sort the sort key
 * @param descending whether to sort in descending order
 * @param offset how many matching jobs to skip
 * @param limit how many jobs to return at most
 * @param payloads whether the jobs returned carry their payload and result; without them
 * a list reads less, and {@link Job#payloadJson()} and {@link Job#resultJson()} are
 * {@code null} on every job it returns
 * @since 0.1.0
 */
public record JobQuery(@Nullable String name, @Nullable String queue, Set<JobStatus> statuses, Set<Priority> priorities,
		@Nullable String search, @Nullable Instant createdAfter, @Nullable Instant createdBefore, Sort sort,
		boolean descending, long offset, int limit, boolean payloads) {

	/**
	 * The largest page a query returns.
	 */
	public static final int MAX_LIMIT = 10_000;

	/**
	 * The longest search text.
	 */
	public static final int MAX_SEARCH_LENGTH = 200;

	/**
	 * Create a query, checking its values.
	 * @param name only jobs of this name, or {@code null} for any
	 * @param queue only jobs of this queue, or {@code null} for any
	 * @param statuses only jobs in one of these statuses, or empty for any
	 * @param priorities only jobs of one of these priorities, or empty for any
	 * @param search only jobs whose name or unique key contains this text, or whose id it
	 * is, or {@code null} for any
	 * @param createdAfter only jobs created at or after this instant, or {@code null}
	 * @param createdBefore only jobs created before this instant, or {@code null}
	 * @param sort the sort key
	 * @param descending whether to sort in descending order
	 * @param offset how many matching jobs to skip
	 * @param limit how many jobs to return at most
	 * @param payloads whether the jobs returned carry their payload and result
	 * @throws InvalidJobRequestException if the page is out of range or the search longer
	 * than {@link #MAX_SEARCH_LENGTH}
	 */
	public JobQuery {
		statuses = (statuses != null && !statuses.isEmpty()) ? Collections.unmodifiableSet(EnumSet.copyOf(statuses))
				: Set.of();
		priorities = (priorities != null && !priorities.isEmpty())
				? Collections.unmodifiableSet(EnumSet.copyOf(priorities)) : Set.of();
		if (search != null && search.isBlank()) {
			search = null;
		}
		if (search != null && search.length() > MAX_SEARCH_LENGTH) {
			throw new InvalidJobRequestException(
					"Query search must have at most " + MAX_SEARCH_LENGTH + " characters, had " + search.length());
		}
		if (sort == null) {
			throw new InvalidJobRequestException("Query sort must not be null");
		}
		if (offset < 0) {
			throw new InvalidJobRequestException("Query offset must not be negative, was " + offset);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidJobRequestException("Query limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
	}

	/**
	 * A builder of queries: all jobs, newest first, 100 at a time unless told otherwise.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The sort keys of a query. Ties are broken by id, which orders by creation time.
	 */
	public enum Sort {

		/**
		 * By creation time.
		 */
		CREATED_AT,

		/**
		 * By due time.
		 */
		RUN_AT,

		/**
		 * By finish time.
		 */
		FINISHED_AT,

		/**
		 * By priority, most urgent first when ascending.
		 */
		PRIORITY

	}

	/**
	 * Builds {@link JobQuery} instances.
	 */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable String queue;

		private final Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);

		private final Set<Priority> priorities = EnumSet.noneOf(Priority.class);

		private @Nullable String search;

		private @Nullable Instant createdAfter;

		private @Nullable Instant createdBefore;

		private Sort sort = Sort.CREATED_AT;

		private boolean descending = true;

		private long offset;

		private int limit = 100;

		private boolean payloads = true;

		private Builder() {
		}

		/**
		 * Only jobs of this name.
		 * @param name the job name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Only jobs of this queue.
		 * @param queue the queue name
		 * @return this builder
		 */
		public Builder queue(String queue) {
			this.queue = queue;
			return this;
		}

		/**
		 * Only jobs in this status.
		 * @param status the status
		 * @return this builder
		 */
		public Builder status(JobStatus status) {
			this.statuses.clear();
			this.statuses.add(status);
			return this;
		}

		/**
		 * Only jobs in one of these statuses; none for any.
		 * @param statuses the statuses
		 * @return this builder
		 */
		public Builder statuses(JobStatus... statuses) {
			return statuses(Arrays.asList(statuses));
		}

		/**
		 * Only jobs in one of these statuses; none for any.
		 * @param statuses the statuses
		 * @return this builder
		 */
		public Builder statuses(Collection<JobStatus> statuses) {
			this.statuses.clear();
			this.statuses.addAll(statuses);
			return this;
		}

		/**
		 * Only jobs of one of these priorities; none for any.
		 * @param priorities the priorities
		 * @return this builder
		 */
		public Builder priorities(Priority... priorities) {
			return priorities(Arrays.asList(priorities));
		}

		/**
		 * Only jobs of one of these priorities; none for any.
		 * @param priorities the priorities
		 * @return this builder
		 */
		public Builder priorities(Collection<Priority> priorities) {
			this.priorities.clear();
			this.priorities.addAll(priorities);
			return this;
		}

		/**
		 * Only jobs whose name or unique key contains the text, ignoring case and taking
		 * {@code %} and {@code _} literally, or whose id it is.
		 * @param search the text, or {@code null} for any
		 * @return this builder
		 */
		public Builder search(@Nullable String search) {
			this.search = search;
			return this;
		}

		/**
		 * Only jobs created at or after this instant.
		 * @param createdAfter the instant
		 * @return this builder
		 */
		public Builder createdAfter(Instant createdAfter) {
			this.createdAfter = createdAfter;
			return this;
		}

		/**
		 * Only jobs created before this instant.
		 * @param createdBefore the instant
		 * @return this builder
		 */
		public Builder createdBefore(Instant createdBefore) {
			this.createdBefore = createdBefore;
			return this;
		}

		/**
		 * Sort by this key, in ascending order unless {@link #descending()} follows.
		 * @param sort the sort key
		 * @return this builder
		 */
		public Builder sortBy(Sort sort) {
			this.sort = sort;
			this.descending = false;
			return this;
		}

		/**
		 * Sort in ascending order.
		 * @return this builder
		 */
		public Builder ascending() {
			this.descending = false;
			return this;
		}

		/**
		 * Sort in descending order.
		 * @return this builder
		 */
		public Builder descending() {
			this.descending = true;
			return this;
		}

		/**
		 * Skip this many matching jobs.
		 * @param offset the number to skip
		 * @return this builder
		 */
		public Builder offset(long offset) {
			this.offset = offset;
			return this;
		}

		/**
		 * Return at most this many jobs.
		 * @param limit the page size
		 * @return this builder
		 */
		public Builder limit(int limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Leave the payload and result out of the jobs returned, as a list of many jobs
		 * that shows neither should: {@link Job#payloadJson()} and
		 * {@link Job#resultJson()} are then {@code null}.
		 * @return this builder
		 */
		public Builder withoutPayloads() {
			this.payloads = false;
			return this;
		}

		/**
		 * Build the query.
		 * @return the query
		 * @throws InvalidJobRequestException if a value is out of range
		 */
		public JobQuery build() {
			return new JobQuery(this.name, this.queue, this.statuses, this.priorities, this.search, this.createdAfter,
					this.createdBefore, this.sort, this.descending, this.offset, this.limit, this.payloads);
		}

	}

}
