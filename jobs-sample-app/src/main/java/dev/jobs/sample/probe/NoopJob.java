package dev.jobs.sample.probe;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.jobs.JobHandler;

/**
 * The handler of the probe's jobs, which does nothing.
 */
@Component
@ConditionalOnProperty("shop.probe.jobs")
class NoopJob {

	@JobHandler("probe-noop")
	void run() {
	}

}
