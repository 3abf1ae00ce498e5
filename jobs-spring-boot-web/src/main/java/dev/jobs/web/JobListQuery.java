package dev.jobs.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobQuery;
import dev.jobs.JobStatus;
import dev.jobs.Priority;

/**
 * Builds the {@link JobQuery} of {@code GET /jobs} from its parameters: {@code status}
 * and {@code priority} (each may repeat, or list values with commas: any of them),
 * {@code name}, {@code queue}, {@code search} (a case-insensitive part of the name or
 * unique key, or the id), {@code sort} ({@code createdAt}, {@code runAt},
 * {@code finishedAt}, {@code priority}), {@code order} ({@code asc}, {@code desc}),
 * {@code offset} and {@code limit} (at most {@value ConsoleJobsController#MAX_LIMIT}). A
 * list shows no payload or result, so the query reads neither.
 */
final class JobListQuery {

	private JobListQuery() {
	}

	static JobQuery of(@Nullable List<String> statuses, @Nullable List<String> priorities, @Nullable String name,
			@Nullable String queue, @Nullable String search, @Nullable String sort, @Nullable String order, long offset,
			int limit) {
		if (offset < 0) {
			throw ConsoleRequestException.badRequest("offset",
					"Parameter 'offset' must not be negative, was " + offset);
		}
		if (limit < 1 || limit > ConsoleJobsController.MAX_LIMIT) {
			throw ConsoleRequestException.badRequest("limit",
					"Parameter 'limit' must be between 1 and " + ConsoleJobsController.MAX_LIMIT + ", was " + limit);
		}
		JobQuery.Builder query = JobQuery.builder();
		query.statuses(values(JobStatus.class, "status", statuses));
		query.priorities(values(Priority.class, "priority", priorities));
		if (name != null && !name.isEmpty()) {
			query.name(name);
		}
		if (queue != null && !queue.isEmpty()) {
			query.queue(queue);
		}
		query.search(search(search));
		JobQuery.Sort sortBy = RequestValues.enumValue(JobQuery.Sort.class, "sort", sort);
		query.sortBy((sortBy != null) ? sortBy : JobQuery.Sort.CREATED_AT);
		Order direction = RequestValues.enumValue(Order.class, "order", order);
		if (direction == null || direction == Order.DESC) {
			query.descending();
		}
		return query.offset(offset).limit(limit).withoutPayloads().build();
	}

	static @Nullable String search(@Nullable String search) {
		if (search == null || search.isBlank()) {
			return null;
		}
		if (search.length() > JobQuery.MAX_SEARCH_LENGTH) {
			throw ConsoleRequestException.badRequest("search", "Parameter 'search' must have at most "
					+ JobQuery.MAX_SEARCH_LENGTH + " characters, had " + search.length());
		}
		return search;
	}

	private static <E extends Enum<E>> Set<E> values(Class<E> type, String parameter, @Nullable List<String> texts) {
		Set<E> values = EnumSet.noneOf(type);
		if (texts != null) {
			for (String text : texts) {
				E value = RequestValues.enumValue(type, parameter, text.trim());
				if (value != null) {
					values.add(value);
				}
			}
		}
		return values;
	}

	/**
	 * The sort directions.
	 */
	enum Order {

		ASC, DESC

	}

}
