package dev.jobs.web;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobQuery;

/**
 * The body of {@code POST /jobs/retry}, every field optional: which failed jobs to retry.
 *
 * @param name only jobs of this name
 * @param queue only jobs of this queue
 */
record RetryFailedBody(@Nullable String name, @Nullable String queue) implements ConsoleJson {

	static final RetryFailedBody EVERY = new RetryFailedBody(null, null);

	JobQuery toQuery() {
		JobQuery.Builder query = JobQuery.builder();
		if (this.name != null && !this.name.isEmpty()) {
			query.name(this.name);
		}
		if (this.queue != null && !this.queue.isEmpty()) {
			query.queue(this.queue);
		}
		return query.build();
	}

	String target() {
		return "failed jobs" + ((this.name != null) ? " of name " + this.name : "")
				+ ((this.queue != null) ? " in queue " + this.queue : "");
	}

}
