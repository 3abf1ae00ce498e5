package dev.jobs.engine;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.jobs.Job;
import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.TestDatabase;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestHandlers.Greeting;
import dev.jobs.testsupport.TestNode;
import dev.jobs.testsupport.TestSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour of the starter on one node, run on every supported database by the
 * subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobsContractTests {

	private final TestSchema schema = TestSchema.random();

	private HikariDataSource dataSource;

	private final Recorder recorder = new Recorder();

	private TestNode node;

	protected abstract TestDatabase database();

	@BeforeAll
	void createDataSource() {
		this.dataSource = database().createDataSource();
	}

	@AfterAll
	void dropSchema() {
		if (this.dataSource != null) {
			this.schema.drop(this.dataSource);
			this.dataSource.close();
		}
	}

	@BeforeEach
	void startNode() {
		this.schema.truncate(this.dataSource);
		this.node = TestNode.on(this.dataSource, this.schema)
			.name("node-a")
			.bean(this.recorder)
			.bean(new TestHandlers(this.recorder, "node-a"))
			.start();
	}

	@AfterEach
	void stopNode() {
		if (this.node != null) {
			this.node.close();
		}
	}

	protected DataSource dataSource() {
		return this.dataSource;
	}

	private Jobs jobs() {
		return this.node.jobs();
	}

	private Job awaitStatus(JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jobs().get(id).orElseThrow().status() == status);
		return jobs().get(id).orElseThrow();
	}

	@Test
	void enqueuedJobRunsAndStoresItsResultAndHistory() {
		JobId id = jobs().enqueue("echo", new Greeting("hello"));
		Job job = awaitStatus(id, JobStatus.COMPLETED);
		assertThat(job.result(Greeting.class)).isEqualTo(new Greeting("HELLO"));
		assertThat(job.payload(Greeting.class)).isEqualTo(new Greeting("hello"));
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.finishedAt()).isNotNull();
		List<JobExecution> history = jobs().history(id);
		assertThat(history).singleElement().satisfies((execution) -> {
			assertThat(execution.outcome()).isEqualTo(JobExecution.Outcome.COMPLETED);
			assertThat(execution.attempt()).isEqualTo(1);
			assertThat(execution.node()).isEqualTo("node-a");
		});
		assertThat(this.recorder.runs(id)).isEqualTo(1);
	}

}
