package dev.jobs.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.JobStats;
import dev.jobs.JobStatus;
import dev.jobs.engine.CachedJobStats;

/**
 * The {@value JobsMetrics#QUEUE_SIZE} gauges: one for each queue and status, registered
 * the first time they appear in the cached counts, reporting 0 once its jobs are gone.
 */
class QueueSizeGauges implements MeterBinder {

	private static final Log logger = LogFactory.getLog(QueueSizeGauges.class);

	private final CachedJobStats stats;

	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	private volatile @Nullable MeterRegistry registry;

	QueueSizeGauges(CachedJobStats stats) {
		this.stats = stats;
		stats.onRefresh(this::register);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		try {
			register(this.stats.get());
		}
		catch (RuntimeException ex) {
			logger.debug("Jobs counts not readable yet; queue gauges come with the first successful read", ex);
		}
	}

	private void register(JobStats current) {
		MeterRegistry target = this.registry;
		if (target == null) {
			return;
		}
		for (String queue : current.queues()) {
			for (JobStatus status : JobStatus.values()) {
				if (current.queue(queue).count(status) > 0 && this.registered.add(queue + "\u0000" + status)) {
					Gauge.builder(JobsMetrics.QUEUE_SIZE, this, (gauges) -> gauges.count(queue, status))
						.description("Jobs by queue and status")
						.tag(JobsMetrics.TAG_QUEUE, queue)
						.tag(JobsMetrics.TAG_STATUS, status.name().toLowerCase())
						.strongReference(true)
						.register(target);
				}
			}
		}
	}

	private double count(String queue, JobStatus status) {
		try {
			return this.stats.get().queue(queue).count(status);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
