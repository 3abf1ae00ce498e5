package dev.jobs.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import dev.jobs.Jobs;
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
	void nodesSchedulingTheSameNewRecurringJobAtOnceAllSucceed() throws Exception {
		TestNode a = node(dataSource(), "node-a", new Class<?>[0], "jobs.worker.auto-start", false);
		TestNode b = node(dataSource(), "node-b", new Class<?>[0], "jobs.worker.auto-start", false);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			for (int round = 0; round < 15; round++) {
				String name = "raced-" + round;
				CyclicBarrier start = new CyclicBarrier(6);
				List<Future<RecurringJobInfo>> scheduled = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					Jobs jobs = ((i % 2) == 0) ? a.jobs() : b.jobs();
					scheduled.add(threads.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return jobs.schedule(RecurringJobRequest.interval(name, "1h").handler("noop"));
					}));
				}
				for (Future<RecurringJobInfo> info : scheduled) {
					// as when every node of a cluster starts at once on a new database
					assertThat(info.get(30, TimeUnit.SECONDS).name()).isEqualTo(name);
				}
			}
			assertThat(a.jobs().recurringJobs()).filteredOn((info) -> info.name().startsWith("raced-")).hasSize(15);
		}
		finally {
			threads.shutdownNow();
		}
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
		String skew = "jobs.defaults.recurring.max-clock-skew";
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
				"jobs.defaults.recurring.max-catch-up", 3);
		Map<MisfirePolicy, Integer> expected = Map.of(MisfirePolicy.FIRE_ONCE, 1, MisfirePolicy.SKIP, 0,
				MisfirePolicy.FIRE_ALL, 3);
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			a.jobs().schedule(RecurringJobRequest.interval("down-" + policy, "1m").handler("noop").misfire(policy));
			new JdbcTemplate(dataSource()).update(
					"UPDATE " + schema().prefix() + "recurring_job SET next_run_at = ?" + " WHERE name = ?",
					bindable(databaseNow().minusSeconds(290)), "down-" + policy);
		}
		Map<MisfirePolicy, Instant> missedFrom = new java.util.EnumMap<>(MisfirePolicy.class);
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			missedFrom.put(policy, recurring(a, "down-" + policy).nextRunAt());
		}
		a.worker().start();
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			// the grid of a one-minute interval whose run 290s ago was missed: back on it
			// at its fifth occurrence, 10s from now, every missed one handled at once
			Instant backOnSchedule = missedFrom.get(policy).plus(Duration.ofMinutes(5));
			await().until(() -> backOnSchedule.equals(recurring(a, "down-" + policy).nextRunAt()));
		}
		List<Job> fired = jobsNamed(a, "noop");
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			Instant first = missedFrom.get(policy);
			List<String> expectedKeys = new ArrayList<>();
			for (int i = 0; i < expected.get(policy); i++) {
				expectedKeys.add("recurring:down-" + policy + ":" + first.plus(Duration.ofMinutes(i)).toEpochMilli());
			}
			assertThat(fired.stream()
				.map(Job::uniqueKey)
				.filter((key) -> key.startsWith("recurring:down-" + policy + ":"))
				.sorted()).as(policy.name()).containsExactlyElementsOf(expectedKeys);
		}
	}

	@Test
	void unreadableRecurringRowIsSkippedAndStopsNeitherOtherRecurringJobsNorClaims() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[0], "jobs.worker.auto-start", false);
		a.jobs().schedule(RecurringJobRequest.interval("good", "300ms").handler("noop"));
		a.jobs().schedule(RecurringJobRequest.cron("bad", "0 * * * *").handler("noop"));
		new JdbcTemplate(dataSource()).update(
				"UPDATE " + schema().prefix()
						+ "recurring_job SET schedule = 'not a cron at all', next_run_at = ? WHERE name = 'bad'",
				bindable(databaseNow().minusSeconds(5)));
		a.worker().start();
		JobId plain = a.jobs().enqueue("noop", null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> a.jobs().get(plain).orElseThrow().status() == JobStatus.COMPLETED);
		await().atMost(Duration.ofSeconds(10)).until(() -> firedBy(a, "good") >= 3);
		assertThat(firedBy(a, "bad")).isZero();
		assertThat(a.worker().unreadableRecurringJobs()).containsOnlyKeys("bad");
		assertThat(a.worker().lastPoll()).isNotNull();
		a.jobs().schedule(RecurringJobRequest.interval("bad", "300ms").handler("noop"));
		await().atMost(Duration.ofSeconds(10)).until(() -> firedBy(a, "bad") >= 1);
		assertThat(a.worker().unreadableRecurringJobs()).isEmpty();
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
	void pauseResumeTriggerAndUnscheduleWorkAcrossNodes() throws InterruptedException {
		TestNode a = node(dataSource(), "node-a", new Class<?>[0]);
		TestNode b = node(dataSource(), "node-b", new Class<?>[0]);
		a.jobs().schedule(RecurringJobRequest.interval("shared", "300ms").handler("noop"));
		await().until(() -> jobsNamed(a, "noop").size() >= 2);
		assertThat(b.jobs().pauseRecurring("shared")).isTrue();
		Instant pausedAt = databaseNow();
		assertThat(recurring(a, "shared").paused()).isTrue();
		// a firing that held the row when the pause came committed before it: none after
		Set<String> firedBeforePause = occurrenceKeys(a, "shared");
		Thread.sleep(1500);
		assertThat(occurrenceKeys(a, "shared")).as("five intervals into the pause")
			.containsExactlyInAnyOrderElementsOf(firedBeforePause);
		assertThat(occurrences(firedBeforePause)).allMatch((occurrence) -> !occurrence.isAfter(pausedAt));
		Instant resumedAt = databaseNow();
		assertThat(a.jobs().resumeRecurring("shared")).isTrue();
		await().until(() -> occurrenceKeys(a, "shared").size() >= firedBeforePause.size() + 2);
		Set<String> firedAfterResume = occurrenceKeys(a, "shared");
		firedAfterResume.removeAll(firedBeforePause);
		assertThat(occurrences(firedAfterResume)).as("no occurrence of the paused time is caught up")
			.allMatch((occurrence) -> occurrence.isAfter(resumedAt));
		JobId triggered = b.jobs().triggerRecurring("shared");
		await().until(() -> a.jobs().get(triggered).orElseThrow().status() == JobStatus.COMPLETED);
		assertThat(b.jobs().unschedule("shared")).isTrue();
		assertThat(a.jobs().recurringJobs()).extracting(RecurringJobInfo::name).doesNotContain("shared");
		assertThat(a.jobs().pauseRecurring("shared")).isFalse();
	}

	private Set<String> occurrenceKeys(TestNode node, String recurringName) {
		Set<String> keys = new HashSet<>();
		for (Job job : jobsNamed(node, "noop")) {
			if (job.uniqueKey() != null && job.uniqueKey().startsWith("recurring:" + recurringName + ":")) {
				keys.add(job.uniqueKey());
			}
		}
		return keys;
	}

	private static List<Instant> occurrences(Set<String> keys) {
		return keys.stream()
			.map((key) -> Instant.ofEpochMilli(Long.parseLong(key.substring(key.lastIndexOf(':') + 1))))
			.toList();
	}

	@Test
	void recurringJobPausedByConfigurationResumesWhenThePropertyGoesOrTurnsTrue() {
		Object[] defined = { "jobs.recurring.hourly.handler", "noop", "jobs.recurring.hourly.interval", "1h" };
		assertThat(restartedWith(defined, "jobs.recurring.hourly.enabled", false).paused()).isTrue();
		RecurringJobInfo propertyGone = restartedWith(defined);
		assertThat(propertyGone.paused()).isFalse();
		assertThat(propertyGone.nextRunAt()).isAfter(databaseNow());
		assertThat(restartedWith(defined, "jobs.recurring.hourly.enabled", false).paused()).isTrue();
		assertThat(restartedWith(defined, "jobs.recurring.hourly.enabled", true).paused()).isFalse();
	}

	@Test
	void recurringJobPausedThroughTheApiStaysPausedWhateverConfigurationSays() {
		Object[] defined = { "jobs.recurring.hourly.handler", "noop", "jobs.recurring.hourly.interval", "1h" };
		try (TestNode first = nodeBuilder(dataSource(), "node-a").property(defined[0] + "", defined[1])
			.property(defined[2] + "", defined[3])
			.start()) {
			assertThat(first.jobs().pauseRecurring("hourly")).isTrue();
		}
		assertThat(restartedWith(defined).paused()).isTrue();
		assertThat(restartedWith(defined, "jobs.recurring.hourly.enabled", true).paused()).isTrue();
		try (TestNode disabled = nodeBuilder(dataSource(), "node-a").property(defined[0] + "", defined[1])
			.property(defined[2] + "", defined[3])
			.property("jobs.recurring.hourly.enabled", false)
			.start()) {
			assertThat(recurring(disabled, "hourly").paused()).isTrue();
			assertThat(disabled.jobs().resumeRecurring("hourly")).isTrue();
		}
		assertThat(restartedWith(defined).paused()).isFalse();
	}

	@Test
	void annotatedRecurringJobPausedBecauseItWasGoneResumesWhenDeclaredAgain() {
		try (TestNode hourly = TestNode.on(dataSource(), schema()).with(HourlyConfiguration.class).start()) {
			assertThat(recurring(hourly, "report").paused()).isFalse();
		}
		try (TestNode without = TestNode.on(dataSource(), schema()).start()) {
			assertThat(recurring(without, "report").paused()).isTrue();
		}
		try (TestNode again = TestNode.on(dataSource(), schema()).with(HourlyConfiguration.class).start()) {
			assertThat(recurring(again, "report").paused()).isFalse();
			assertThat(recurring(again, "report").nextRunAt()).isAfter(databaseNow());
		}
	}

	/**
	 * Start a node with the given properties, read a recurring job as it left it, and
	 * close it.
	 */
	private RecurringJobInfo restartedWith(Object[] defined, Object... more) {
		TestNode.Builder builder = nodeBuilder(dataSource(), "node-a").property("jobs.worker.auto-start", false);
		for (int i = 0; i < defined.length; i += 2) {
			builder.property((String) defined[i], defined[i + 1]);
		}
		for (int i = 0; i < more.length; i += 2) {
			builder.property((String) more[i], more[i + 1]);
		}
		try (TestNode node = builder.start()) {
			return recurring(node, "hourly");
		}
	}

	@Test
	void reconcilingAChangedDefinitionWhileNodesFireItNeverRepeatsAnOccurrence() {
		TestNode a = node(dataSource(), "node-a", new Class<?>[0]);
		TestNode b = node(dataSource(), "node-b", new Class<?>[0]);
		long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
		for (int i = 0; System.nanoTime() < end; i++) {
			// a changed definition with the same schedule keeps the stored next run
			((i % 2 == 0) ? a : b).jobs()
				.schedule(RecurringJobRequest.interval("busy", "100ms").handler("noop").allowConcurrent(i % 2 == 0));
		}
		await().until(() -> jobsNamed(a, "noop").stream().allMatch((job) -> job.status() == JobStatus.COMPLETED));
		List<String> keys = jobsNamed(a, "noop").stream()
			.map(Job::uniqueKey)
			.filter((key) -> key.startsWith("recurring:busy:"))
			.toList();
		assertThat(keys).hasSizeGreaterThan(10).doesNotHaveDuplicates();
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
				"jobs.defaults.recurring.zone", "UTC");
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
