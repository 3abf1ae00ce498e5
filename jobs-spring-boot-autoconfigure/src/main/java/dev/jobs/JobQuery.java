package dev.jobs;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Criteria for {@link Jobs#query(JobQuery)} and {@link Jobs#count(JobQuery)}: filters, a
 * sort order and a page.
 *
 * <pre class="code">
 * JobQuery.builder().name("send-email").status(JobStatus.FAILED)
 *     .sortBy(JobQuery.Sort.CREATED_AT).descending().offset(0).limit(20).build();
 * </pre>
 *
 * @param name only jobs of this name, or {@code null} for any
 * @param queue only jobs of this queue, or {@code null} for any
 * @param status only jobs in this status, or {@code null} for any
 * @param createdAfter only jobs created at or after this instant, or {@code null}
 * @param createdBefore only jobs created before this instant, or {@code null}
 * @param sort the sort key
 * @param descending whether to sort in descending order
 * @param offset how many matching jobs to skip
 * @param limit how many jobs to return at most
 * @since 0.1.0
 */
public record JobQuery(@Nullable String name, @Nullable String queue, @Nullable JobStatus status,
		@Nullable Instant createdAfter, @Nullable Instant createdBefore, Sort sort, boolean descending, long offset,
		int limit) {

	/**
	 * The largest page a query returns.
	 */
	public static final int MAX_LIMIT = 10_000;

	/**
	 * Create a query, checking its values.
	 * @param name only jobs of this name, or {@code null} for any
	 * @param queue only jobs of this queue, or {@code null} for any
	 * @param status only jobs in this status, or {@code null} for any
	 * @param createdAfter only jobs created at or after this instant, or {@code null}
	 * @param createdBefore only jobs created before this instant, or {@code null}
	 * @param sort the sort key
	 * @param descending whether to sort in descending order
	 * @param offset how many matching jobs to skip
	 * @param limit how many jobs to return at most
	 * @throws InvalidJobRequestException if the page is out of range
	 */
	public JobQuery {
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

		private @Nullable JobStatus status;

		private @Nullable Instant createdAfter;

		private @Nullable Instant createdBefore;

		private Sort sort = Sort.CREATED_AT;

		private boolean descending = true;

		private long offset;

		private int limit = 100;

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
			this.status = status;
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
		 * Build the query.
		 * @return the query
		 * @throws InvalidJobRequestException if a value is out of range
		 */
		public JobQuery build() {
			return new JobQuery(this.name, this.queue, this.status, this.createdAfter, this.createdBefore, this.sort,
					this.descending, this.offset, this.limit);
		}

	}

}
