package dev.jobs.web;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.JobsOperations;
import dev.jobs.Priority;
import dev.jobs.web.app.ConsoleTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every route of the console's API on a real context with the real engine, without Spring
 * Security, writes allowed and values shown; the application's JSON settings (snake case)
 * must not reach the console, and the console's must not reach the application. Each
 * subclass runs it on one database.
 */
@SpringBootTest(classes = ConsoleTestApplication.class,
		properties = { ConsoleTestProperties.NO_SECURITY, ConsoleTestProperties.ENABLED,
				ConsoleTestProperties.FAST_POLL, ConsoleTestProperties.AUDIT, "jobs.web.access=unrestricted",
				"jobs.web.show-values=always", "spring.jackson.property-naming-strategy=SNAKE_CASE",
				"jobs.queues.local-only.paused=true", "jobs.queues.local-only.concurrency=3" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
abstract class ConsoleApiContractTests {

	private static final String API = "/jobs/api";

	/**
	 * Longer than one poll interval (100 ms) many times over.
	 */
	private static final Duration SEVERAL_POLLS = Duration.ofMillis(1500);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Jobs jobs;

	@Autowired
	private JobsOperations operations;

	@Test
	void enqueueAnswers201WithLocationAndTheJob() throws Exception {
		perform(json(post(API + "/jobs"),
				"{\"name\":\"greet\",\"payload\":{\"name\":\"Ada\"},\"priority\":\"high\",\"delay\":\"1h\","
						+ "\"maxAttempts\":2,\"timeout\":\"30s\",\"queue\":\"mail\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("http://localhost/jobs/api/jobs/[0-9a-f-]{36}")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.name").value("greet"))
			.andExpect(jsonPath("$.status").value("SCHEDULED"))
			.andExpect(jsonPath("$.priority").value("HIGH"))
			.andExpect(jsonPath("$.queue").value("mail"))
			.andExpect(jsonPath("$.maxAttempts").value(2))
			.andExpect(jsonPath("$.timeout").value("PT30S"))
			.andExpect(jsonPath("$.payload.name").value("Ada"))
			.andExpect(jsonPath("$.createdAt").value(matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z")));
	}

	@Test
	void enqueueWithAHeldUniqueKeyAnswers200WithTheExistingJob() throws Exception {
		String body = "{\"name\":\"greet\",\"payload\":{\"name\":\"Bo\"},\"delay\":\"1h\",\"uniqueKey\":\"order-1\"}";
		String first = JsonText.field(perform(json(post(API + "/jobs"), body)).andExpect(status().isCreated()), "id");
		perform(json(post(API + "/jobs"), body)).andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(jsonPath("$.id").value(first))
			.andExpect(jsonPath("$.uniqueKey").value("order-1"));
	}

	@Test
	void enqueueWithAScheduleCreatesARecurringJob() throws Exception {
		perform(json(post(API + "/jobs"), "{\"name\":\"greet\",\"schedule\":\"15m\",\"payload\":{\"name\":\"Cy\"}}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/jobs/api/recurring/greet"))
			.andExpect(jsonPath("$.name").value("greet"))
			.andExpect(jsonPath("$.handler").value("greet"))
			.andExpect(jsonPath("$.schedule").value("15m"));
		perform(get(API + "/recurring")).andExpect(jsonPath("$.recurringJobs[*].name", hasItem("greet")));
		perform(delete(API + "/recurring/greet")).andExpect(status().isNoContent());
	}

	@Test
	void enqueueRefusesBadFieldsNamingThem() throws Exception {
		badField("{\"name\":\"greet\",\"priority\":\"urgent\"}", "priority", "urgent");
		badField("{\"name\":\"greet\",\"delay\":\"soon\"}", "delay", "soon");
		badField("{\"name\":\"greet\",\"runAt\":\"tomorrow\"}", "runAt", "tomorrow");
		badField("{\"name\":\"greet\",\"timeout\":\"long\"}", "timeout", "long");
		badField("{\"name\":\"greet\",\"maxAttempts\":\"many\"}", "maxAttempts", "maxAttempts");
		badField("{\"name\":\"greet\",\"colour\":\"red\"}", "colour", "colour");
		badField("{\"payload\":{}}", "name", "name");
		badField("{\"name\":\"greet\",\"schedule\":\"15m\",\"priority\":\"HIGH\"}", "priority", "recurring");
		perform(json(post(API + "/jobs"), "{\"name\":\"greet\",\"maxAttempts\":0}")).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Max attempts of job 'greet' must be at least 1, was 0"));
		perform(json(post(API + "/jobs"), "{\"name\":\" greet\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400));
		perform(json(post(API + "/jobs"), "not json")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad Request"));
	}

	@Test
	void jobShowsProgressResultHistoryAndLogs() throws Exception {
		JobId id = this.jobs.enqueue("greet", Map.of("name", "Di"));
		awaitStatus(id, JobStatus.COMPLETED);
		perform(get(API + "/jobs/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.attempts").value(1))
			.andExpect(jsonPath("$.progress").isNumber())
			.andExpect(jsonPath("$.result.greeting").value("hello Di"))
			.andExpect(jsonPath("$.payload.name").value("Di"))
			.andExpect(jsonPath("$.finishedAt").isString());
		perform(get(API + "/jobs/" + id + "/history")).andExpect(status().isOk())
			.andExpect(jsonPath("$.jobId").value(id.toString()))
			.andExpect(jsonPath("$.executions[0].attempt").value(1))
			.andExpect(jsonPath("$.executions[0].outcome").value("COMPLETED"))
			.andExpect(jsonPath("$.executions[0].duration").value(startsWith("PT")));
		perform(get(API + "/jobs/" + id + "/logs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].message").value("greeting Di"))
			.andExpect(jsonPath("$.lines[0].level").value("INFO"))
			.andExpect(jsonPath("$.lines[0].loggedAt").isString());
	}

	@Test
	void unknownOrMalformedIdsAre404Or400() throws Exception {
		for (String route : new String[] { "", "/history", "/logs", "/events" }) {
			perform(get(API + "/jobs/" + JobId.next() + route)).andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(404));
			perform(get(API + "/jobs/not-an-id" + route)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("id"))
				.andExpect(jsonPath("$.detail").value("Job id 'not-an-id' is not a UUID"));
		}
	}

	@Test
	void failedJobShowsItsErrorAndRetryPutsItBack() throws Exception {
		JobId failed = this.jobs.enqueue("fail", Map.of("secret", "s1"));
		awaitStatus(failed, JobStatus.FAILED);
		perform(get(API + "/jobs/" + failed))
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("boom s1")));
		perform(get(API + "/jobs/" + failed + "/history"))
			.andExpect(jsonPath("$.executions[0].outcome").value("FAILED"))
			.andExpect(jsonPath("$.executions[0].error").value(org.hamcrest.Matchers.containsString("boom s1")));
		perform(post(API + "/jobs/" + failed + "/retry")).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(failed.toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jobs.history(failed).size() == 2);
		JobId completed = this.jobs.enqueue("greet", Map.of("name", "Ed"));
		awaitStatus(completed, JobStatus.COMPLETED);
		perform(post(API + "/jobs/" + completed + "/retry")).andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409));
		perform(post(API + "/jobs/" + JobId.next() + "/retry")).andExpect(status().isNotFound());
	}

	@Test
	void cancelAnswersByTheJobsState(CapturedOutput output) throws Exception {
		JobId scheduled = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "Fy")).delay(Duration.ofHours(1)));
		perform(delete(API + "/jobs/" + scheduled)).andExpect(status().isOk())
			.andExpect(content().json("{\"cancelled\":true}", true));
		assertThat(this.jobs.get(scheduled).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(output).contains("Jobs console: cancel of job " + scheduled + " by anonymous: done");
		perform(delete(API + "/jobs/" + scheduled)).andExpect(status().isConflict());
		perform(delete(API + "/jobs/" + JobId.next())).andExpect(status().isNotFound());
		perform(delete(API + "/jobs/nope")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("id"));
		JobId running = this.jobs.enqueue("wait", null);
		awaitStatus(running, JobStatus.RUNNING);
		perform(delete(API + "/jobs/" + running)).andExpect(status().isAccepted())
			.andExpect(content().json("{\"cancelRequested\":true}", true));
		awaitStatus(running, JobStatus.CANCELLED);
	}

	@Test
	void listCountsItsTotalNoFurtherThanTenThousandOrTheEndOfThePage() throws Exception {
		List<JobRequest> many = new ArrayList<>();
		for (int i = 0; i <= 10_000; i++) {
			many.add(JobRequest.of("greet", Map.of("name", "m" + i)).queue("many").delay(Duration.ofHours(1)));
		}
		this.jobs.enqueueAll(many);
		try {
			perform(get(API + "/jobs").param("queue", "many")).andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(10_000))
				.andExpect(jsonPath("$.totalExact").value(false))
				.andExpect(jsonPath("$.jobs.length()").value(50));
			perform(get(API + "/jobs").param("queue", "many").param("offset", "9990")).andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(10_001))
				.andExpect(jsonPath("$.totalExact").value(true))
				.andExpect(jsonPath("$.jobs.length()").value(11));
		}
		finally {
			this.jobs.drainQueue("many");
			this.jobs.cleanQueue("many", JobStatus.CANCELLED, Duration.ZERO, 20_000);
		}
	}

	@Test
	void listPagesAndFilters() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.jobs
				.enqueue(JobRequest.of("greet", Map.of("name", "p" + i)).queue("paging").delay(Duration.ofHours(1)));
		}
		this.jobs.enqueue(JobRequest.of("fail", Map.of()).queue("paging").delay(Duration.ofHours(1)));
		perform(get(API + "/jobs").param("queue", "paging")
			.param("name", "greet")
			.param("sort", "created-at")
			.param("order", "asc")
			.param("offset", "1")
			.param("limit", "2")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.totalExact").value(true))
			.andExpect(jsonPath("$.offset").value(1))
			.andExpect(jsonPath("$.limit").value(2))
			.andExpect(jsonPath("$.jobs.length()").value(2))
			.andExpect(jsonPath("$.jobs[0].queue").value("paging"))
			.andExpect(jsonPath("$.jobs[0].payload").doesNotExist())
			.andExpect(jsonPath("$.jobs[0].result").doesNotExist());
		perform(get(API + "/jobs").param("queue", "paging").param("status", "scheduled"))
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(jsonPath("$.limit").value(50));
		perform(get(API + "/jobs").param("queue", "paging").param("status", "COMPLETED"))
			.andExpect(jsonPath("$.total").value(0));
		badParameter("status", "bogus");
		badParameter("sort", "size");
		badParameter("order", "up");
		badParameter("limit", "500");
		badParameter("limit", "0");
		badParameter("offset", "-1");
		badParameter("offset", "x");
	}

	@Test
	void statsCountByStatusAndQueue() throws Exception {
		this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "s")).queue("stats").delay(Duration.ofHours(1)));
		perform(get(API + "/stats")).andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.SCHEDULED").isNumber())
			.andExpect(jsonPath("$.total").isNumber())
			.andExpect(jsonPath("$.queues.stats.SCHEDULED").value(1));
	}

	@Test
	void recurringRoutesScheduleReplacePauseResumeTriggerAndUnschedule(CapturedOutput output) throws Exception {
		perform(json(post(API + "/recurring"),
				"{\"name\":\"r1\",\"handler\":\"greet\",\"schedule\":\"15m\",\"zone\":\"UTC\",\"payload\":{\"name\":\"R\"}}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/jobs/api/recurring/r1"))
			.andExpect(jsonPath("$.zone").value("UTC"))
			.andExpect(jsonPath("$.paused").value(false));
		perform(json(post(API + "/recurring"), "{\"name\":\"r1\",\"schedule\":\"15m\"}"))
			.andExpect(status().isConflict());
		perform(json(put(API + "/recurring/r1"), "{\"handler\":\"greet\",\"schedule\":\"0 0 * * *\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.schedule").value("0 0 * * *"));
		perform(json(put(API + "/recurring/r2"), "{\"handler\":\"greet\",\"schedule\":\"1h\"}"))
			.andExpect(status().isCreated());
		perform(json(put(API + "/recurring/r2"), "{\"name\":\"other\",\"schedule\":\"1h\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));
		perform(post(API + "/recurring/r1/pause")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(true));
		perform(post(API + "/recurring/r1/resume")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(false));
		String jobId = JsonText.field(perform(post(API + "/recurring/r1/trigger")).andExpect(status().isOk()), "jobId");
		assertThat(this.jobs.get(JobId.of(jobId))).isPresent();
		perform(json(post(API + "/recurring"), "{\"name\":\"r3\",\"schedule\":\"every now and then\"}"))
			.andExpect(status().isBadRequest());
		perform(json(post(API + "/recurring"), "{\"name\":\"r3\",\"schedule\":\"1h\",\"zone\":\"Mars/Olympus\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("zone"));
		perform(delete(API + "/recurring/r1")).andExpect(status().isNoContent());
		perform(delete(API + "/recurring/r2")).andExpect(status().isNoContent());
		perform(delete(API + "/recurring/r1")).andExpect(status().isNotFound());
		for (String action : new String[] { "pause", "resume", "trigger" }) {
			perform(post(API + "/recurring/nope/" + action)).andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(output).contains("Jobs console: pause of recurring r1 by anonymous: done",
				"Jobs console: trigger of recurring nope by anonymous: refused: No recurring job named 'nope'");
	}

	@Test
	void healthAnswersTheJobsContributor() throws Exception {
		perform(get(API + "/health")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").isString())
			.andExpect(jsonPath("$.details").isMap());
	}

	@Test
	void meWithoutSpringSecurityIsAnonymousWithoutCsrf() throws Exception {
		perform(get(API + "/me")).andExpect(status().isOk())
			.andExpect(content().json("{\"name\":null,\"canWrite\":true,\"csrf\":null}", true));
	}

	@Test
	void consoleWritesItsOwnJsonWhateverTheApplicationsSettings() throws Exception {
		perform(get(API + "/jobs")).andExpect(jsonPath("$.jobs").isArray());
		perform(get("/app/view")).andExpect(status().isOk())
			.andExpect(jsonPath("$.seen_at").value("2026-01-31T08:00:00Z"))
			.andExpect(jsonPath("$.display_name").value("app"))
			.andExpect(jsonPath("$.seenAt").doesNotExist());
		JobId id = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "camel")).delay(Duration.ofHours(1)));
		perform(get(API + "/jobs/" + id)).andExpect(jsonPath("$.maxAttempts").isNumber())
			.andExpect(jsonPath("$.createdAt").isString())
			.andExpect(jsonPath("$.max_attempts").doesNotExist());
	}

	@Test
	void applicationsOwnErrorsAreLeftToTheApplication() {
		assertThatException().isThrownBy(() -> this.mvc.perform(get("/app/missing")))
			.withRootCauseInstanceOf(dev.jobs.JobNotFoundException.class);
	}

	@Test
	void unknownRoutesUnderTheConsoleAreNotFound() throws Exception {
		perform(get(API + "/nothing")).andExpect(status().isNotFound());
		perform(get(API + "/queues/outbox/nothing")).andExpect(status().isNotFound());
		perform(get("/jobs/api/jobs/" + JobId.next() + "/nothing")).andExpect(status().isNotFound());
		perform(get(API + "/stats/")).andExpect(status().isNotFound());
		perform(get(API + "/jobs").accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("application/json")))
			.andExpect(jsonPath("$.jobs").exists())
			.andReturn();
		assertThat(this.mvc.perform(get(API + "/jobs")).andReturn().getResponse().getContentAsString())
			.doesNotContain("max_attempts")
			.satisfies((body) -> assertThat(body).isNotEmpty());
		perform(get("/jobs/api/jobs")).andExpect(header().string("Content-Type", endsWith("json")));
	}

	@Test
	void queuesListEveryQueueWithItsCountsPauseAndConcurrency() throws Exception {
		this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "q")).queue("listed").delay(Duration.ofHours(1)));
		this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "q")).queue("listed").delay(Duration.ofHours(1)));
		perform(get(API + "/queues")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.queues[*].name", hasItems("listed", "local-only")))
			.andExpect(jsonPath("$.queues[?(@.name == 'listed')].counts.SCHEDULED", contains(2)));
		perform(get(API + "/queues/listed")).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("listed"))
			.andExpect(jsonPath("$.counts.SCHEDULED").value(2))
			.andExpect(jsonPath("$.counts.PENDING").value(0))
			.andExpect(jsonPath("$.paused").value(false))
			.andExpect(jsonPath("$.pausedOnThisNode").value(false))
			.andExpect(jsonPath("$.concurrency").isEmpty())
			.andExpect(jsonPath("$.completedPerMinute").isNumber());
		perform(get(API + "/queues/local-only")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(false))
			.andExpect(jsonPath("$.pausedOnThisNode").value(true))
			.andExpect(jsonPath("$.concurrency").value(3));
		perform(get(API + "/queues/never-seen")).andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value(containsString("never-seen")));
	}

	@Test
	void pauseHoldsAQueuesJobsUntilResumeAndTellsWhetherItChanged(CapturedOutput output) throws Exception {
		perform(post(API + "/queues/outbox/pause")).andExpect(status().isOk())
			.andExpect(content().json("{\"queue\":\"outbox\",\"paused\":true,\"changed\":true}", true));
		try {
			perform(post(API + "/queues/outbox/pause")).andExpect(status().isOk())
				.andExpect(content().json("{\"queue\":\"outbox\",\"paused\":true,\"changed\":false}", true));
			perform(get(API + "/queues/outbox")).andExpect(jsonPath("$.paused").value(true));
			JobId held = this.jobs.enqueue("send-mail", Map.of("to", "ada@example.com"));
			assertThat(this.jobs.get(held).orElseThrow().queue()).isEqualTo("outbox");
			await().during(SEVERAL_POLLS)
				.atMost(SEVERAL_POLLS.plusSeconds(5))
				.until(() -> this.jobs.get(held).orElseThrow().status() == JobStatus.PENDING);
			perform(post(API + "/queues/outbox/resume")).andExpect(status().isOk())
				.andExpect(content().json("{\"queue\":\"outbox\",\"paused\":false,\"changed\":true}", true));
			awaitStatus(held, JobStatus.COMPLETED);
		}
		finally {
			this.jobs.resumeQueue("outbox");
		}
		perform(post(API + "/queues/outbox/resume")).andExpect(status().isOk())
			.andExpect(content().json("{\"queue\":\"outbox\",\"paused\":false,\"changed\":false}", true));
		assertThat(output).contains("Jobs console: pause of queue outbox by anonymous: done",
				"Jobs console: resume of queue outbox by anonymous: done");
	}

	@Test
	void aQueueThatHasHadNoJobMayBePaused() throws Exception {
		perform(post(API + "/queues/brand-new/pause")).andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(true));
		perform(get(API + "/queues/brand-new")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(true))
			.andExpect(jsonPath("$.counts.PENDING").value(0));
		perform(post(API + "/queues/brand-new/resume")).andExpect(jsonPath("$.changed").value(true));
	}

	@Test
	void drainCancelsTheQueuesScheduledAndPendingJobsOnly(CapturedOutput output) throws Exception {
		this.jobs.pauseQueue("draining");
		JobId pending = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "d")).queue("draining"));
		JobId scheduled = this.jobs
			.enqueue(JobRequest.of("greet", Map.of("name", "d")).queue("draining").delay(Duration.ofHours(1)));
		JobId elsewhere = this.jobs
			.enqueue(JobRequest.of("greet", Map.of("name", "d")).queue("kept").delay(Duration.ofHours(1)));
		perform(post(API + "/queues/draining/drain")).andExpect(status().isOk())
			.andExpect(content().json("{\"cancelled\":2}", true));
		assertThat(this.jobs.get(pending).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(this.jobs.get(scheduled).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(this.jobs.get(elsewhere).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
		perform(post(API + "/queues/draining/drain")).andExpect(content().json("{\"cancelled\":0}", true));
		this.jobs.resumeQueue("draining");
		assertThat(output).contains("Jobs console: drain of queue draining by anonymous: done");
	}

	@Test
	void cleanDeletesFinishedJobsOfTheQueueByStatusGraceAndLimit(CapturedOutput output) throws Exception {
		JobId first = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "c1")).queue("cleaning"));
		JobId second = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "c2")).queue("cleaning"));
		JobId failed = this.jobs.enqueue(JobRequest.of("fail", Map.of("secret", "c")).queue("cleaning"));
		JobId unfinished = this.jobs
			.enqueue(JobRequest.of("greet", Map.of("name", "c3")).queue("cleaning").delay(Duration.ofHours(1)));
		awaitStatus(first, JobStatus.COMPLETED);
		awaitStatus(second, JobStatus.COMPLETED);
		awaitStatus(failed, JobStatus.FAILED);
		perform(json(post(API + "/queues/cleaning/clean"), "{\"status\":\"FAILED\",\"grace\":\"24h\"}"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"deleted\":0}", true));
		// finished a moment ago by the database's clock: a grace of zero takes them
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> perform(post(API + "/queues/cleaning/clean")).andExpect(status().isOk())
				.andExpect(content().json("{\"deleted\":2}", true)));
		assertThat(this.jobs.get(first)).isEmpty();
		assertThat(this.jobs.get(second)).isEmpty();
		perform(json(post(API + "/queues/cleaning/clean"), "{\"status\":\"failed\",\"grace\":\"PT0S\",\"limit\":5}"))
			.andExpect(content().json("{\"deleted\":1}", true));
		assertThat(this.jobs.get(failed)).isEmpty();
		perform(json(post(API + "/queues/cleaning/clean"), "{}")).andExpect(content().json("{\"deleted\":0}", true));
		assertThat(this.jobs.get(unfinished).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
		assertThat(output).contains("Jobs console: clean of queue cleaning by anonymous: done");
	}

	@Test
	void cleanRefusesBadFieldsNamingThem(CapturedOutput output) throws Exception {
		badClean("{\"status\":\"RUNNING\"}", "status", "COMPLETED, FAILED, CANCELLED");
		badClean("{\"status\":\"PENDING\"}", "status", "PENDING");
		badClean("{\"status\":\"bogus\"}", "status", "bogus");
		badClean("{\"grace\":\"-1h\"}", "grace", "negative");
		badClean("{\"grace\":\"a while\"}", "grace", "a while");
		badClean("{\"limit\":0}", "limit", "at least 1");
		badClean("{\"limit\":\"many\"}", "limit", "limit");
		badClean("{\"age\":\"1h\"}", "age", "age");
		perform(json(post(API + "/queues/cleaning/clean"), "[1, 2")).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(output).contains("Jobs console: clean of queue cleaning by anonymous: refused: Invalid status");
	}

	@Test
	void badQueueNamesAre400NamingTheName() throws Exception {
		String tooLong = "q".repeat(101);
		for (String name : new String[] { " ", " outbox", "outbox ", "out\u0007box", tooLong }) {
			expectBadName(get(API + "/queues/{name}", name));
			for (String action : new String[] { "pause", "resume", "drain", "clean" }) {
				expectBadName(post(API + "/queues/{name}/" + action, name));
			}
		}
		perform(get(API + "/queues/{name}", "q".repeat(100))).andExpect(status().isNotFound());
		perform(get(API + "/queues/{name}", "out box")).andExpect(status().isNotFound());
	}

	@Test
	void nodesListThisNodeWithItsWorker() throws Exception {
		String node = thisNode();
		perform(get(API + "/nodes")).andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes.length()").value(1))
			.andExpect(jsonPath("$.nodes[0].name").value(node))
			.andExpect(jsonPath("$.nodes[0].startedAt").value(matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z")))
			.andExpect(jsonPath("$.nodes[0].lastHeartbeat").isString())
			.andExpect(jsonPath("$.nodes[0].heartbeatAge").value(startsWith("PT")))
			.andExpect(jsonPath("$.nodes[0].concurrency").isNumber())
			.andExpect(jsonPath("$.nodes[0].runningJobs").isNumber())
			.andExpect(jsonPath("$.nodes[0].workerRunning").value(true));
	}

	@Test
	void runnerStopAndStartOfOneNodeOrEveryNodeHoldAndReleaseItsJobs(CapturedOutput output) throws Exception {
		String node = thisNode();
		try {
			perform(post(API + "/runner/stop").param("node", node)).andExpect(status().isOk())
				.andExpect(content().json("{\"node\":\"" + node + "\",\"running\":false}", true));
			perform(get(API + "/nodes")).andExpect(jsonPath("$.nodes[0].workerRunning").value(false));
			JobId held = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "held")).queue("runner"));
			await().during(SEVERAL_POLLS)
				.atMost(SEVERAL_POLLS.plusSeconds(5))
				.until(() -> this.jobs.get(held).orElseThrow().status() == JobStatus.PENDING);
			perform(post(API + "/runner/start").param("node", node)).andExpect(status().isOk())
				.andExpect(content().json("{\"node\":\"" + node + "\",\"running\":true}", true));
			awaitStatus(held, JobStatus.COMPLETED);
			perform(post(API + "/runner/stop")).andExpect(status().isOk())
				.andExpect(content().json("{\"node\":null,\"running\":false}", true));
			perform(get(API + "/nodes")).andExpect(jsonPath("$.nodes[0].workerRunning").value(false));
			JobId heldByAll = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "all")).queue("runner"));
			await().during(SEVERAL_POLLS)
				.atMost(SEVERAL_POLLS.plusSeconds(5))
				.until(() -> this.jobs.get(heldByAll).orElseThrow().status() == JobStatus.PENDING);
			perform(post(API + "/runner/start")).andExpect(status().isOk())
				.andExpect(content().json("{\"node\":null,\"running\":true}", true));
			awaitStatus(heldByAll, JobStatus.COMPLETED);
		}
		finally {
			this.operations.startWorkers(null);
		}
		assertThat(output).contains("Jobs console: stop of workers of node " + node + " by anonymous: done",
				"Jobs console: start of workers of every node by anonymous: done");
	}

	@Test
	void runnerOfAnUnknownNodeIs404AndOfABlankOneIs400() throws Exception {
		for (String action : new String[] { "start", "stop" }) {
			perform(post(API + "/runner/" + action).param("node", "no-such-node")).andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("no-such-node")));
			perform(post(API + "/runner/" + action).param("node", " ")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("node"));
		}
		perform(get(API + "/nodes")).andExpect(jsonPath("$.nodes[0].workerRunning").value(true));
	}

	@Test
	void listFiltersOnAnyOfSeveralStatusesAndPrioritiesAndOnALiteralSearch() throws Exception {
		JobId order = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "f1"))
			.queue("filtering")
			.priority(Priority.HIGH)
			.uniqueKey("Order-42")
			.delay(Duration.ofHours(1)));
		JobId promo = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "f2"))
			.queue("filtering")
			.priority(Priority.LOW)
			.uniqueKey("promo 100%_off")
			.delay(Duration.ofHours(1)));
		JobId failed = this.jobs.enqueue(JobRequest.of("fail", Map.of("secret", "f3")).queue("filtering"));
		JobId cancelled = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "f4"))
			.queue("filtering")
			.priority(Priority.CRITICAL)
			.delay(Duration.ofHours(1)));
		this.jobs.cancel(cancelled);
		awaitStatus(failed, JobStatus.FAILED);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("status", "FAILED", "cancelled"), failed,
				cancelled);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("status", "failed,CANCELLED"), failed,
				cancelled);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("priority", "high", "LOW"), order, promo);
		expectIds(get(API + "/jobs").param("queue", "filtering")
			.param("priority", "HIGH", "CRITICAL")
			.param("status", "SCHEDULED"), order);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("search", "oRdEr-42"), order);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("search", "%"), promo);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("search", "0%_"), promo);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("search", "_"), promo);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("search", failed.toString()), failed);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("search", "GREE"), order, promo, cancelled);
		expectIds(get(API + "/jobs").param("queue", "filtering").param("search", "order-4_"));
		badParameter("priority", "urgent");
		badParameter("status", "FAILED,bogus");
		badParameter("search", "s".repeat(201));
	}

	@Test
	void rescheduleChangesAJobThatHasNotStarted(CapturedOutput output) throws Exception {
		JobId id = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "later")).delay(Duration.ofHours(1)));
		perform(json(put(API + "/jobs/" + id),
				"{\"runAt\":\"2030-01-31T08:00:00Z\",\"priority\":\"high\",\"maxAttempts\":5}"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(id.toString()))
			.andExpect(jsonPath("$.status").value("SCHEDULED"))
			.andExpect(jsonPath("$.runAt").value("2030-01-31T08:00:00Z"))
			.andExpect(jsonPath("$.priority").value("HIGH"))
			.andExpect(jsonPath("$.maxAttempts").value(5))
			.andExpect(jsonPath("$.payload.name").value("later"));
		perform(json(put(API + "/jobs/" + id), "{\"delay\":\"2h\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.runAt").value(startsWith(String.valueOf(Year.now(ZoneOffset.UTC).getValue()))))
			.andExpect(jsonPath("$.priority").value("HIGH"));
		assertThat(this.jobs.get(id).orElseThrow().runAt()).isBefore(Instant.now().plus(Duration.ofHours(3)));
		perform(json(put(API + "/jobs/" + id), "{\"delay\":\"0s\"}")).andExpect(status().isOk());
		awaitStatus(id, JobStatus.COMPLETED);
		perform(json(put(API + "/jobs/" + id), "{\"priority\":\"LOW\"}")).andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409));
		perform(json(put(API + "/jobs/" + JobId.next()), "{\"priority\":\"LOW\"}")).andExpect(status().isNotFound());
		perform(json(put(API + "/jobs/nope"), "{\"priority\":\"LOW\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("id"));
		assertThat(output).contains("Jobs console: reschedule of job " + id + " by anonymous: done",
				"Jobs console: reschedule of job " + id + " by anonymous: refused: ");
	}

	@Test
	void rescheduleRefusesBadFieldsNamingThem() throws Exception {
		JobId id = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "bad")).delay(Duration.ofHours(1)));
		badReschedule(id, "{}", "runAt", "at least one");
		badReschedule(id, "{\"runAt\":\"2030-01-31T08:00:00Z\",\"delay\":\"1h\"}", "delay", "not both");
		badReschedule(id, "{\"runAt\":\"tomorrow\"}", "runAt", "tomorrow");
		badReschedule(id, "{\"delay\":\"-5m\"}", "delay", "negative");
		badReschedule(id, "{\"delay\":\"soon\"}", "delay", "soon");
		badReschedule(id, "{\"priority\":\"urgent\"}", "priority", "urgent");
		badReschedule(id, "{\"maxAttempts\":0}", "maxAttempts", "at least 1");
		badReschedule(id, "{\"maxAttempts\":\"many\"}", "maxAttempts", "maxAttempts");
		badReschedule(id, "{\"queue\":\"other\"}", "queue", "queue");
		perform(json(put(API + "/jobs/" + id), "nope")).andExpect(status().isBadRequest());
		assertThat(this.jobs.get(id).orElseThrow().priority()).isEqualTo(Priority.NORMAL);
	}

	@Test
	void deleteWithPurgeDeletesAFinishedJobWithItsHistory() throws Exception {
		JobId done = this.jobs.enqueue("greet", Map.of("name", "gone"));
		awaitStatus(done, JobStatus.COMPLETED);
		perform(delete(API + "/jobs/" + done).param("purge", "true")).andExpect(status().isOk())
			.andExpect(content().json("{\"deleted\":true}", true));
		assertThat(this.jobs.get(done)).isEmpty();
		assertThat(this.jobs.history(done)).isEmpty();
		perform(get(API + "/jobs/" + done)).andExpect(status().isNotFound());
		perform(delete(API + "/jobs/" + done).param("purge", "true")).andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		JobId unfinished = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "kept")).delay(Duration.ofHours(1)));
		perform(delete(API + "/jobs/" + unfinished).param("purge", "true")).andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.jobs.get(unfinished).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
		perform(delete(API + "/jobs/" + unfinished).param("purge", "maybe")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("purge"));
		perform(delete(API + "/jobs/nope").param("purge", "true")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("id"));
	}

	@Test
	void retryOfFailedJobsRetriesEveryOneThatMatches(CapturedOutput output) throws Exception {
		JobId first = this.jobs.enqueue(JobRequest.of("fail", Map.of("secret", "r1")).queue("retrying"));
		JobId second = this.jobs.enqueue(JobRequest.of("fail", Map.of("secret", "r2")).queue("retrying"));
		JobId other = this.jobs.enqueue(JobRequest.of("fail", Map.of("secret", "r3")).queue("retrying-too"));
		awaitStatus(first, JobStatus.FAILED);
		awaitStatus(second, JobStatus.FAILED);
		awaitStatus(other, JobStatus.FAILED);
		perform(json(post(API + "/jobs/retry"), "{\"queue\":\"retrying\"}")).andExpect(status().isOk())
			.andExpect(content().json("{\"retried\":2}", true));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jobs.history(first).size() == 2 && this.jobs.history(second).size() == 2);
		assertThat(this.jobs.history(other)).hasSize(1);
		perform(json(post(API + "/jobs/retry"), "{\"name\":\"fail\",\"queue\":\"retrying-too\"}"))
			.andExpect(content().json("{\"retried\":1}", true));
		perform(json(post(API + "/jobs/retry"), "{\"name\":\"greet\",\"queue\":\"retrying\"}"))
			.andExpect(content().json("{\"retried\":0}", true));
		perform(json(post(API + "/jobs/retry"), "{\"status\":\"FAILED\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("status"));
		assertThat(output).contains("Jobs console: retry of failed jobs in queue retrying by anonymous: done");
	}

	@Test
	void throughputCountsTheJobsThatEndedPerMinuteAndQueue() throws Exception {
		JobId completed = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "t")).queue("throughput"));
		JobId failed = this.jobs.enqueue(JobRequest.of("fail", Map.of("secret", "t")).queue("throughput"));
		awaitStatus(completed, JobStatus.COMPLETED);
		awaitStatus(failed, JobStatus.FAILED);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> perform(get(API + "/throughput")).andExpect(status().isOk())
				.andExpect(jsonPath("$.window").value("PT1H"))
				.andExpect(jsonPath("$.minutes[?(@.queue == 'throughput')].completed", hasItem(greaterThan(0))))
				.andExpect(jsonPath("$.minutes[?(@.queue == 'throughput')].failed", hasItem(greaterThan(0))))
				.andExpect(jsonPath("$.minutes[0].minute")
					.value(matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*Z"))));
		perform(get(API + "/throughput").param("window", "30m")).andExpect(jsonPath("$.window").value("PT30M"));
		perform(get(API + "/throughput").param("window", "PT24H")).andExpect(jsonPath("$.window").value("PT24H"));
		for (String window : new String[] { "0s", "-1h", "25h", "a while" }) {
			perform(get(API + "/throughput").param("window", window)).andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.field").value("window"));
		}
	}

	@Test
	void problemsNamePendingJobsThatNoNodeHandles() throws Exception {
		JobId unhandled = this.jobs.enqueue(JobRequest.of("nobody-handles-me", Map.of()).queue("unhandled"));
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> perform(get(API + "/problems")).andExpect(status().isOk())
					.andExpect(
							jsonPath("$.problems[?(@.kind == 'UNHANDLED_JOBS')].subject", hasItem("nobody-handles-me")))
					.andExpect(jsonPath("$.problems[?(@.subject == 'nobody-handles-me')].message",
							hasItem(containsString("no live node has a handler")))));
		}
		finally {
			this.jobs.cancel(unhandled);
		}
	}

	private void expectIds(MockHttpServletRequestBuilder request, JobId... ids) throws Exception {
		String[] expected = java.util.Arrays.stream(ids).map(JobId::toString).toArray(String[]::new);
		perform(request).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(ids.length))
			.andExpect(jsonPath("$.jobs[*].id", containsInAnyOrder((Object[]) expected)));
	}

	private void badReschedule(JobId id, String body, String field, String mentioned) throws Exception {
		perform(json(put(API + "/jobs/" + id), body)).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(containsString(mentioned)));
	}

	private String thisNode() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.operations.nodes().size() == 1);
		return this.operations.nodes().get(0).name();
	}

	private void badClean(String body, String field, String mentioned) throws Exception {
		perform(json(post(API + "/queues/cleaning/clean"), body)).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(containsString(mentioned)));
	}

	private void expectBadName(MockHttpServletRequestBuilder request) throws Exception {
		perform(request).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("name"))
			.andExpect(jsonPath("$.detail").value(containsString("Queue name")));
	}

	private void badField(String body, String field, String mentioned) throws Exception {
		perform(json(post(API + "/jobs"), body)).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(mentioned)));
	}

	private void badParameter(String name, String value) throws Exception {
		perform(get(API + "/jobs").param(name, value)).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(name))
			.andExpect(jsonPath("$.instance").value("/jobs/api/jobs"));
	}

	private void awaitStatus(JobId id, JobStatus status) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jobs.get(id).orElseThrow().status()).isEqualTo(status));
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/**
	 * Reads one field of a response.
	 */
	static final class JsonText {

		private JsonText() {
		}

		static String field(ResultActions actions, String field) throws Exception {
			MvcResult result = actions.andReturn();
			return tools.jackson.databind.json.JsonMapper.shared()
				.readTree(result.getResponse().getContentAsString())
				.get(field)
				.asString();
		}

	}

}
