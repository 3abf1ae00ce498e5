package dev.jobs.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.jobs.JobId;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.TestDatabase;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MariaDB has no enqueue notifications: another node's enqueue reaches a worker by
 * polling, and nothing listens.
 */
class MariaDbNotificationsTests extends NodesContractTests {

	@Override
	protected TestDatabase database() {
		return TestDatabase.MARIADB;
	}

	@Test
	void anotherNodesEnqueueIsPickedUpByPolling() {
		TestNode enqueuer = node("node-a", "jobs.worker.enabled", false);
		TestNode worker = node("node-b", "jobs.worker.poll-interval", "200ms");
		JobsEnqueueListener listener = worker.bean(JobsEnqueueListener.class);
		assertThat(listener.listener()).isNull();
		assertThat(listener.isRunning()).isFalse();
		JobId id = enqueuer.jobs().enqueue("noop", null);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder().runs(id) == 1);
	}

}
