package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

import dev.jobs.Job;
import dev.jobs.JobContext;
import dev.jobs.JobExecution;
import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobStatus;
import dev.jobs.MisfirePolicy;
import dev.jobs.RecurringJob;
import dev.jobs.RecurringJobInfo;
import dev.jobs.RecurringJobRequest;
import dev.jobs.event.RecurringJobScheduledEvent;
import dev.jobs.json.JobPayloadMapper;
import dev.jobs.store.JobStore;
import dev.jobs.store.jdbc.JdbcJobStores;
import dev.jobs.store.jdbc.SchemaVendor;
import dev.jobs.store.jdbc.TablePrefix;
import dev.jobs.store.jdbc.dialect.JobStoreDialect;
import dev.jobs.testsupport.NodesContractTests;
import dev.jobs.testsupport.Recorder;
import dev.jobs.testsupport.ShiftedClockDialect;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recurring jobs on one or several nodes: each occurrence fires once, misfire policies,
 * overlap, limits, run-time control and reconciliation. Run on every supported database
 * by the subclasses.
 */
abstract class RecurringContractTests extends NodesContractTests {

	private List<Job> jobsNamed(TestNode node, String name) {
		return node.jobs().query(JobQuery.builder().name(name).limit(1000).build());
	}

	@Test
	void threeNodesFireEveryOccurrenceOfAOneSecondScheduleOnce() {
		Class<?>[] everySecond = { EverySecondConfiguration.class };
		TestNode a = node(dataSource(), "node-a", everySecond);
		node(dataSource(), "node-b", everySecond);
		node(dataSource(), "node-c", everySecond);
		assertEveryOccurrenceRanOnce(a, 20);
	}

	/**
	 * The store takes every "now" from the database, so the nodes' own clocks never
	 * decide anything. This goes further: each node reads a database clock shifted by up
	 * to 2 seconds, as if "now" came from clocks that disagree.
	 */
	@Test
	void nodesWhoseClocksDifferByTwoSecondsStillFireEveryOccurrenceOnce() {
		Class<?>[] everySecond = { EverySecondConfiguration.class };
		// a skew allowance far above the 2s skew: on a loaded machine the nodes may all
		// pause for some seconds, and an occurrence older than the allowance is a
		// misfire by design, which is not what this test is about
		String skew = "jobs.recurring.max-clock-skew";
		TestNode a = node(dataSource(), "node-a", everySecond, skew, "30s");
		start(nodeBuilder(dataSource(), "node-ahead").with(everySecond)
			.property(skew, "30s")
			.bean(storeWithClockShiftedBy(Duration.ofSeconds(2))));
		start(nodeBuilder(dataSource(), "node-halfway").with(everySecond)
			.property(skew, "30s")
			.bean(storeWithClockShiftedBy(Duration.ofSeconds(1))));
		assertEveryOccurrenceRanOnce(a, 15);
		assertThat(jobsNamed(a, "tick")).as("the node whose clock runs ahead takes part")
			.flatMap((job) -> a.jobs().history(job.id()))
			.extracting(JobExecution::node)
			.contains("node-ahead");
	}

	private JobStore storeWithClockShiftedBy(Duration shift) {
		return JdbcJobStores.create(dataSource(),
				new ShiftedClockDialect(SchemaVendor.of(dataSource()).dialect(), shift),
				new TablePrefix(schema().prefix()), new JobPayloadMapper(new JsonMapper(), 1 << 20));
	}

	private void assertEveryOccurrenceRanOnce(TestNode node, int occurrences) {
		await().atMost(Duration.ofSeconds(occurrences * 2L)).until(() -> jobsNamed(node, "tick").size() >= occurrences);
		List<Job> jobs = jobsNamed(node, "tick");
		Set<String> keys = new HashSet<>();
		jobs.forEach((job) -> keys.add(job.uniqueKey()));
		assertThat(keys).as("one job per occurrence").hasSameSizeAs(jobs);
		List<Long> seconds = keys.stream()
			.map((key) -> Long.parseLong(key.substring(key.lastIndexOf(':') + 1)) / 1000)
			.sorted()
			.toList();
		for (int i = 1; i < seconds.size(); i++) {
			assertThat(seconds.get(i) - seconds.get(i - 1)).as("no occurrence missed or repeated").isEqualTo(1);
		}
		await().untilAsserted(
				() -> assertThat(recorder().runs().values()).allSatisfy((runs) -> assertThat(runs.get()).isEqualTo(1)));
		assertThat(recorder().events(RecurringJobScheduledEvent.class)).isNotEmpty();
	}

	@Test
	void occurrenceStartsSoonAfterItsTime() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[] { EverySecondConfiguration.class });
		await().atMost(Duration.ofSeconds(20)).until(() -> jobsNamed(a, "tick").size() >= 5);
		List<Long> delays = new ArrayList<>();
		for (Job job : jobsNamed(a, "tick")) {
			if (job.startedAt() != null) {
				long occurrence = Long.parseLong(job.uniqueKey().substring(job.uniqueKey().lastIndexOf(':') + 1));
				delays.add(job.startedAt().toEpochMilli() - occurrence);
			}
		}
		delays.sort(null);
		// poll interval (100ms) plus 100ms, with room for a loaded machine
		assertThat(delays.get(delays.size() / 2)).isLessThan(200 + 300);
	}

	@Test
	void misfiredOccurrencesFollowThePolicy() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[0], "jobs.worker.auto-start", false,
				"jobs.recurring.max-catch-up", 3);
		Map<MisfirePolicy, Integer> expected = Map.of(MisfirePolicy.FIRE_ONCE, 1, MisfirePolicy.SKIP, 0,
				MisfirePolicy.FIRE_ALL, 3);
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			a.jobs().schedule(RecurringJobRequest.interval("down-" + policy, "1m").handler("noop").misfire(policy));
			new JdbcTemplate(dataSource()).update(
					"UPDATE " + schema().prefix() + "recurring_job SET next_run_at = ?" + " WHERE name = ?",
					bindable(databaseNow().minusSeconds(290)), "down-" + policy);
		}
		a.worker().start();
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			await().until(() -> recurring(a, "down-" + policy).nextRunAt().isAfter(databaseNow()));
			assertThat(a.jobs().count(JobQuery.builder().name("noop").build())).isGreaterThanOrEqualTo(0);
		}
		List<Job> fired = jobsNamed(a, "noop");
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			assertThat(fired.stream().filter((job) -> job.uniqueKey().startsWith("recurring:down-" + policy + ":")))
				.as(policy.name())
				.hasSize(expected.get(policy));
		}
	}

	@Test
	void occurrenceIsSkippedWhileThePreviousRunIsUnfinished() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[] { SlowEverySecondConfiguration.class });
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobsNamed(a, "slow-tick").stream()
				.filter((job) -> job.status() == JobStatus.COMPLETED)
				.count() >= 2);
		assertThat(recorder().maxRunning("default")).isEqualTo(1);
		Long skipped = new JdbcTemplate(dataSource()).queryForObject(
				"SELECT skipped FROM " + schema().prefix() + "recurring_job WHERE name = 'slow-tick'", Long.class);
		assertThat(skipped).isPositive();
	}

	@Test
	void recurringJobStopsAfterMaxRunsAndAtItsEnd() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[0]);
		a.jobs().schedule(RecurringJobRequest.interval("three-times", "300ms").handler("noop").maxRuns(3));
		a.jobs()
			.schedule(RecurringJobRequest.interval("until-soon", "300ms")
				.handler("noop")
				.endAt(databaseNow().plusMillis(1000)));
		await().atMost(Duration.ofSeconds(20)).until(() -> recurring(a, "three-times").nextRunAt() == null);
		await().atMost(Duration.ofSeconds(20)).until(() -> recurring(a, "until-soon").nextRunAt() == null);
		List<Job> fired = jobsNamed(a, "noop");
		assertThat(fired.stream().filter((job) -> job.uniqueKey().startsWith("recurring:three-times:"))).hasSize(3);
		assertThat(fired.stream().filter((job) -> job.uniqueKey().startsWith("recurring:until-soon:")))
			.hasSizeBetween(2, 4);
	}

	@Test
	void runOnStartRunsOnceWhenFirstStoredNotOnEveryStart() {
		Object[] primer = { "jobs.recurring.primer.handler", "noop", "jobs.recurring.primer.interval", "1h",
				"jobs.recurring.primer.run-on-start", true };
		TestNode first = node(dataSource(), "node-a", new Class<?>[] { WarmUpConfiguration.class }, primer);
		await().atMost(Duration.ofSeconds(10)).until(() -> jobsNamed(first, "warm-up").size() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> firedBy(first, "primer") == 1);
		assertThat(recurring(first, "warm-up").nextRunAt()).isAfter(databaseNow().plusSeconds(3000));
		first.close();
		forget(first);
		TestNode restarted = node(dataSource(), "node-a", new Class<?>[] { WarmUpConfiguration.class }, primer);
		await().pollDelay(Duration.ofSeconds(1)).until(() -> restarted.worker().isRunning());
		assertThat(jobsNamed(restarted, "warm-up")).hasSize(1);
		assertThat(firedBy(restarted, "primer")).isEqualTo(1);
	}

	private long firedBy(TestNode node, String recurringName) {
		return jobsNamed(node, "noop").stream()
			.filter((job) -> job.uniqueKey() != null && job.uniqueKey().startsWith("recurring:" + recurringName + ":"))
			.count();
	}

	@Test
	void pauseResumeTriggerAndUnscheduleWorkAcrossNodes() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[0]);
		TestNode b = node(dataSource(), "node-b", new Class<?>[0]);
		a.jobs().schedule(RecurringJobRequest.interval("shared", "300ms").handler("noop"));
		await().until(() -> jobsNamed(a, "noop").size() >= 2);
		assertThat(b.jobs().pauseRecurring("shared")).isTrue();
		assertThat(recurring(a, "shared").paused()).isTrue();
		int afterPause = settledCount(a);
		assertThat(jobsNamed(a, "noop")).hasSize(afterPause);
		assertThat(a.jobs().resumeRecurring("shared")).isTrue();
		await().until(() -> jobsNamed(a, "noop").size() > afterPause);
		JobId triggered = b.jobs().triggerRecurring("shared");
		await().until(() -> a.jobs().get(triggered).orElseThrow().status() == JobStatus.COMPLETED);
		assertThat(b.jobs().unschedule("shared")).isTrue();
		assertThat(a.jobs().recurringJobs()).extracting(RecurringJobInfo::name).doesNotContain("shared");
		assertThat(a.jobs().pauseRecurring("shared")).isFalse();
	}

	private int settledCount(TestNode node) {
		AtomicInteger last = new AtomicInteger(-1);
		await().pollDelay(Duration.ofMillis(800)).until(() -> {
			int now = jobsNamed(node, "noop").size();
			return now == last.getAndSet(now);
		});
		return last.get();
	}

	@Test
	void changedAnnotationTakesEffectAndARemovedOneIsPaused() {
		try (TestNode hourly = TestNode.on(dataSource(), schema()).with(HourlyConfiguration.class).start()) {
			assertThat(recurring(hourly, "report").schedule()).isEqualTo("1h");
			assertThat(recurring(hourly, "report").nextRunAt()).isAfter(databaseNow().plusSeconds(3000));
		}
		try (TestNode fast = TestNode.on(dataSource(), schema()).with(FastReportConfiguration.class).start()) {
			assertThat(recurring(fast, "report").schedule()).isEqualTo("500ms");
			await().until(() -> jobsNamed(fast, "report").size() >= 1);
		}
		try (TestNode without = TestNode.on(dataSource(), schema()).start()) {
			RecurringJobInfo report = recurring(without, "report");
			assertThat(report.paused()).isTrue();
		}
	}

	@Test
	void configurationDefinesOverridesAndDisablesRecurringJobs() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[] { HourlyConfiguration.class },
				"jobs.recurring.from-config.handler", "noop", "jobs.recurring.from-config.interval", "300ms",
				"jobs.recurring.report.interval", "400ms", "jobs.recurring.switched-off.handler", "noop",
				"jobs.recurring.switched-off.cron", "@hourly", "jobs.recurring.switched-off.enabled", false,
				"jobs.recurring.zone", "UTC");
		assertThat(recurring(a, "report").schedule()).isEqualTo("400ms");
		assertThat(recurring(a, "from-config").handler()).isEqualTo("noop");
		assertThat(recurring(a, "switched-off").paused()).isTrue();
		await().until(() -> jobsNamed(a, "report").size() >= 2);
		await().until(() -> jobsNamed(a, "noop").stream()
			.filter((job) -> job.uniqueKey().startsWith("recurring:from-config:"))
			.count() >= 2);
		assertThat(jobsNamed(a, "noop")).noneMatch((job) -> job.uniqueKey().startsWith("recurring:switched-off:"));
	}

	private RecurringJobInfo recurring(TestNode node, String name) {
		return node.jobs()
			.recurringJobs()
			.stream()
			.filter((info) -> info.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private Instant databaseNow() {
		JobStoreDialect dialect = SchemaVendor.of(dataSource()).dialect();
		return new JdbcTemplate(dataSource())
			.query("SELECT " + dialect.now() + " AS db_now", (rs, rowNum) -> dialect.instant(rs, "db_now"))
			.get(0);
	}

	private Object bindable(Instant instant) {
		return SchemaVendor.of(dataSource()).dialect().bind(instant);
	}

	@Configuration(proxyBeanMethods = false)
	static class EverySecondConfiguration {

		@Bean
		Ticker ticker(Recorder recorder) {
			return new Ticker(recorder);
		}

	}

	static class Ticker {

		private final Recorder recorder;

		Ticker(Recorder recorder) {
			this.recorder = recorder;
		}

		// concurrent runs allowed: on a loaded machine a run may still be unfinished when
		// the next second fires, and the skip that would follow is another test's subject
		@RecurringJob(value = "tick", cron = "* * * * * *", allowConcurrent = true)
		void tick(JobContext context) {
			this.recorder.started(context, context.jobId().toString());
			this.recorder.finished(context);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowEverySecondConfiguration {

		@Bean
		SlowTicker slowTicker(Recorder recorder) {
			return new SlowTicker(recorder);
		}

	}

	static class SlowTicker {

		private final Recorder recorder;

		SlowTicker(Recorder recorder) {
			this.recorder = recorder;
		}

		@RecurringJob(value = "slow-tick", interval = "500ms")
		void tick(JobContext context) throws InterruptedException {
			this.recorder.started(context, context.jobId().toString());
			try {
				Thread.sleep(1600);
			}
			finally {
				this.recorder.finished(context);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WarmUpConfiguration {

		@Bean
		WarmUp warmUp() {
			return new WarmUp();
		}

	}

	static class WarmUp {

		@RecurringJob(value = "warm-up", interval = "1h", runOnStart = true)
		void warmUp() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HourlyConfiguration {

		@Bean
		HourlyReport hourlyReport() {
			return new HourlyReport();
		}

	}

	static class HourlyReport {

		@RecurringJob(value = "report", interval = "1h")
		void report() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FastReportConfiguration {

		@Bean
		FastReport fastReport() {
			return new FastReport();
		}

	}

	static class FastReport {

		@RecurringJob(value = "report", interval = "500ms")
		void report() {
		}

	}

}
