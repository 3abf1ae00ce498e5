package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.InvalidJobStateException;
import dev.jobs.Job;
import dev.jobs.JobChanges;
import dev.jobs.JobId;
import dev.jobs.JobNotFoundException;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.JobsOperations;
import dev.jobs.JobsProblem;
import dev.jobs.JobsThroughput;
import dev.jobs.Priority;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.TestHandlers;
import dev.jobs.testsupport.TestHandlers.Greeting;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Steering single jobs and groups of them through {@link Jobs}: queries on several
 * statuses, priorities and a literal search, changes to a job that has not started, the
 * deletion of a finished job, the retry of every failed job of a filter; and what
 * {@link JobsOperations} reports of throughput and problems. Run on every supported
 * database by the subclasses.
 */
abstract class JobSteeringContractTests extends NodesContractTests {

	@Test
	void queryFiltersOnSeveralStatusesOnPrioritiesAndOnALiteralCaseInsensitiveSearch() {
		TestNode a = node("node-a");
		a.worker().stop();
		Jobs jobs = a.jobs();
		JobId pending = jobs.enqueue(JobRequest.of("Send-Email").uniqueKey("order_42%").priority(Priority.HIGH));
		JobId scheduled = jobs.enqueue(JobRequest.of("send-sms").delay(Duration.ofHours(1)).priority(Priority.LOW));
		JobId other = jobs.enqueue(JobRequest.of("sendXemail").uniqueKey("order-42x"));
		jobs.cancel(other);
		assertThat(ids(jobs, JobQuery.builder().statuses(JobStatus.PENDING, JobStatus.SCHEDULED).build()))
			.containsExactlyInAnyOrder(pending, scheduled);
		assertThat(ids(jobs, JobQuery.builder().priorities(Priority.HIGH, Priority.LOW).build()))
			.containsExactlyInAnyOrder(pending, scheduled);
		assertThat(ids(jobs, JobQuery.builder().search("SEND-E").build())).containsExactly(pending);
		assertThat(ids(jobs, JobQuery.builder().search("order_42%").build())).containsExactly(pending);
		assertThat(ids(jobs, JobQuery.builder().search("_").build())).containsExactly(pending);
		assertThat(ids(jobs, JobQuery.builder().search(other.toString()).build())).containsExactly(other);
		assertThat(jobs.count(JobQuery.builder().search("send").statuses(JobStatus.CANCELLED).build())).isOne();
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> JobQuery.builder().search("x".repeat(201)).build());
	}

	@Test
	void boundedCountStopsAtItsBoundAndAListWithoutPayloadsLeavesOutPayloadAndResult() {
		TestNode a = node("node-a");
		a.worker().stop();
		Jobs jobs = a.jobs();
		jobs.enqueueAll(List.of(JobRequest.of("echo", new Greeting("first")).queue("mail"),
				JobRequest.of("echo", new Greeting("second")).queue("mail"),
				JobRequest.of("echo", new Greeting("third")).queue("mail"), JobRequest.of("noop").queue("other")));
		JobQuery mail = JobQuery.builder().queue("mail").build();
		assertThat(jobs.count(mail, 2)).isEqualTo(2);
		assertThat(jobs.count(mail, 3)).isEqualTo(3);
		assertThat(jobs.count(mail, 100)).isEqualTo(3);
		assertThat(jobs.count(JobQuery.builder().queue("none").build(), 5)).isZero();
		assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> jobs.count(mail, 0))
			.withMessageContaining("bound");
		List<Job> listed = jobs.query(JobQuery.builder().queue("mail").withoutPayloads().build());
		assertThat(listed).hasSize(3).allSatisfy((job) -> {
			assertThat(job.payloadJson()).isNull();
			assertThat(job.resultJson()).isNull();
			assertThat(job.name()).isEqualTo("echo");
		});
		assertThat(jobs.query(mail)).extracting(Job::payloadJson).doesNotContainNull();
	}

	@Test
	void statsSplitPendingFromScheduledJobsByQueue() {
		TestNode a = node("node-a");
		a.worker().stop();
		Jobs jobs = a.jobs();
		jobs.enqueueAll(List.of(JobRequest.of("noop").queue("later").delay(Duration.ofHours(1)),
				JobRequest.of("noop").queue("later").delay(Duration.ofHours(2)), JobRequest.of("noop").queue("mixed"),
				JobRequest.of("noop").queue("mixed").delay(Duration.ofHours(1))));
		assertThat(jobs.stats().queue("later").counts()).containsEntry(JobStatus.PENDING, 0L)
			.containsEntry(JobStatus.SCHEDULED, 2L);
		assertThat(jobs.stats().queue("mixed").counts()).containsEntry(JobStatus.PENDING, 1L)
			.containsEntry(JobStatus.SCHEDULED, 1L);
		assertThat(jobs.stats().total()).isEqualTo(4);
	}

	@Test
	void rescheduleChangesTheDueTimePriorityAndAttemptsOfAJobThatHasNotStarted() {
		TestNode a = node("node-a");
		Jobs jobs = a.jobs();
		JobId id = jobs.enqueue(JobRequest.of("noop").delay(Duration.ofHours(1)));
		Instant later = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
		Job changed = jobs.reschedule(id,
				JobChanges.builder().runAt(later).priority(Priority.CRITICAL).maxAttempts(7).build());
		assertThat(changed.runAt()).isEqualTo(later);
		assertThat(changed.priority()).isEqualTo(Priority.CRITICAL);
		assertThat(changed.maxAttempts()).isEqualTo(7);
		assertThat(changed.status()).isEqualTo(JobStatus.SCHEDULED);
		jobs.reschedule(id, JobChanges.builder().delay(Duration.ZERO).build());
		await().atMost(Duration.ofSeconds(30)).until(() -> status(jobs, id) == JobStatus.COMPLETED);
		assertThatExceptionOfType(InvalidJobStateException.class)
			.isThrownBy(() -> jobs.reschedule(id, JobChanges.builder().priority(Priority.LOW).build()))
			.withMessageContaining("COMPLETED");
		assertThatExceptionOfType(JobNotFoundException.class)
			.isThrownBy(() -> jobs.reschedule(JobId.next(), JobChanges.builder().priority(Priority.LOW).build()));
		assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> JobChanges.builder().build());
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> JobChanges.builder().runAt(later).delay(Duration.ZERO).build());
	}

	@Test
	void rescheduleRefusesARunningJob() {
		TestNode a = node("node-a");
		JobId running = a.jobs().enqueue(JobRequest.of("blocking"));
		await().atMost(Duration.ofSeconds(30)).until(() -> recorder().runs(running) == 1);
		assertThatExceptionOfType(InvalidJobStateException.class)
			.isThrownBy(() -> a.jobs().reschedule(running, JobChanges.builder().maxAttempts(3).build()))
			.withMessageContaining("RUNNING");
		a.bean(TestHandlers.class).release();
	}

	@Test
	void deleteRemovesAFinishedJobWithItsHistoryAndRefusesAnUnfinishedOne() {
		TestNode a = node("node-a");
		Jobs jobs = a.jobs();
		JobId done = jobs.enqueue(JobRequest.of("noop"));
		await().atMost(Duration.ofSeconds(30)).until(() -> status(jobs, done) == JobStatus.COMPLETED);
		JobId scheduled = jobs.enqueue(JobRequest.of("noop").delay(Duration.ofHours(1)));
		assertThat(jobs.history(done)).hasSize(1);
		assertThat(jobs.delete(done)).isTrue();
		assertThat(jobs.get(done)).isEmpty();
		assertThat(jobs.history(done)).isEmpty();
		assertThat(jobs.delete(done)).isFalse();
		assertThatExceptionOfType(InvalidJobStateException.class).isThrownBy(() -> jobs.delete(scheduled))
			.withMessageContaining("SCHEDULED");
		assertThat(jobs.get(scheduled)).isPresent();
	}

	@Test
	void retryFailedRetriesEveryFailedJobOfTheFilterAndNoOther() {
		TestNode a = node("node-a");
		Jobs jobs = a.jobs();
		List<JobId> mail = jobs.enqueueAll(List.of(JobRequest.of("always-fails").queue("mail").maxAttempts(1),
				JobRequest.of("always-fails").queue("mail").maxAttempts(1),
				JobRequest.of("always-fails").queue("mail").maxAttempts(1)));
		JobId elsewhere = jobs.enqueue(JobRequest.of("always-fails").queue("other").maxAttempts(1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jobs.count(JobQuery.builder().status(JobStatus.FAILED).build()) == 4);
		assertThat(jobs.retryFailed(JobQuery.builder().queue("mail").build())).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mail.stream().allMatch((id) -> jobs.history(id).size() == 2));
		assertThat(jobs.history(elsewhere)).hasSize(1);
		assertThat(status(jobs, elsewhere)).isEqualTo(JobStatus.FAILED);
	}

	@Test
	void throughputCountsTheJobsThatEndedPerMinuteAndQueue() {
		TestNode a = node("node-a");
		Jobs jobs = a.jobs();
		List<JobId> ids = jobs.enqueueAll(List.of(JobRequest.of("noop").queue("mail"),
				JobRequest.of("noop").queue("mail"), JobRequest.of("always-fails").queue("mail").maxAttempts(1)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids.stream().allMatch((id) -> status(jobs, id).isFinished()));
		List<JobsThroughput> throughput = a.bean(JobsOperations.class).throughput(Duration.ofHours(1));
		assertThat(throughput).filteredOn((minute) -> minute.queue().equals("mail"))
			.extracting(JobsThroughput::completed)
			.containsOnly(2L);
		assertThat(throughput).filteredOn((minute) -> minute.queue().equals("mail"))
			.singleElement()
			.satisfies((minute) -> {
				assertThat(minute.failed()).isOne();
				assertThat(minute.minute()).isBeforeOrEqualTo(Instant.now()).isAfter(Instant.now().minusSeconds(180));
				assertThat(minute.minute().getEpochSecond() % 60).isZero();
			});
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> a.bean(JobsOperations.class).throughput(Duration.ofDays(2)));
	}

	@Test
	void problemsListPendingJobsNoNodeHandlesAndQueuesOverTheirBacklogThreshold() {
		TestNode a = node("node-a", "jobs.queues.mail.backlog-threshold", 2);
		a.jobs()
			.enqueueAll(List.of(JobRequest.of("nobody-handles-this").queue("mail"),
					JobRequest.of("nobody-handles-this").queue("mail"),
					JobRequest.of("nobody-handles-this").queue("mail")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(a.bean(JobsOperations.class).problems())
				.extracting(JobsProblem::kind, JobsProblem::subject)
				.contains(tuple(JobsProblem.Kind.UNHANDLED_JOBS, "nobody-handles-this"),
						tuple(JobsProblem.Kind.QUEUE_BACKLOG, "mail")));
	}

	private static List<JobId> ids(Jobs jobs, JobQuery query) {
		return jobs.query(query).stream().map(Job::id).toList();
	}

	private static JobStatus status(Jobs jobs, JobId id) {
		return jobs.get(id).orElseThrow().status();
	}

}
