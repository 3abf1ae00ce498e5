package dev.jobs.web;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobQuery;
import dev.jobs.JobStatus;

/**
 * Builds the {@link JobQuery} of {@code GET /jobs} from its parameters: {@code status},
 * {@code name}, {@code queue}, {@code sort} ({@code createdAt}, {@code runAt},
 * {@code finishedAt}, {@code priority}), {@code order} ({@code asc}, {@code desc}),
 * {@code offset} and {@code limit} (at most {@value ConsoleJobsController#MAX_LIMIT}).
 */
final class JobListQuery {

	private JobListQuery() {
	}

	static JobQuery of(@Nullable String status, @Nullable String name, @Nullable String queue, @Nullable String sort,
			@Nullable String order, long offset, int limit) {
		if (offset < 0) {
			throw ConsoleRequestException.badRequest("offset",
					"Parameter 'offset' must not be negative, was " + offset);
		}
		if (limit < 1 || limit > ConsoleJobsController.MAX_LIMIT) {
			throw ConsoleRequestException.badRequest("limit",
					"Parameter 'limit' must be between 1 and " + ConsoleJobsController.MAX_LIMIT + ", was " + limit);
		}
		JobQuery.Builder query = JobQuery.builder();
		JobStatus wanted = RequestValues.enumValue(JobStatus.class, "status", status);
		if (wanted != null) {
			query.status(wanted);
		}
		if (name != null && !name.isEmpty()) {
			query.name(name);
		}
		if (queue != null && !queue.isEmpty()) {
			query.queue(queue);
		}
		JobQuery.Sort sortBy = RequestValues.enumValue(JobQuery.Sort.class, "sort", sort);
		query.sortBy((sortBy != null) ? sortBy : JobQuery.Sort.CREATED_AT);
		Order direction = RequestValues.enumValue(Order.class, "order", order);
		if (direction == null || direction == Order.DESC) {
			query.descending();
		}
		return query.offset(offset).limit(limit).build();
	}

	/**
	 * The sort directions.
	 */
	enum Order {

		ASC, DESC

	}

}
