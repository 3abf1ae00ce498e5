package dev.jobs.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@link HealthIndicator} of the jobs on this node (contributor {@code jobs}): the
 * status and details of {@link JobsHealthEvaluator}, computed on each call, with the
 * queries' counts cached for a few seconds.
 */
public class JobsHealthIndicator extends AbstractHealthIndicator {

	private final JobsHealthEvaluator evaluator;

	/**
	 * Create the indicator.
	 * @param evaluator computes the health
	 */
	public JobsHealthIndicator(JobsHealthEvaluator evaluator) {
		super("Jobs health check failed");
		this.evaluator = evaluator;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		JobsHealthSnapshot snapshot = this.evaluator.evaluate();
		builder.status(snapshot.status()).withDetails(snapshot.details());
		if (snapshot.error() != null) {
			builder.withException(snapshot.error());
		}
	}

}
