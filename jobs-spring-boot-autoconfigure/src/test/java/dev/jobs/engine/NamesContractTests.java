package dev.jobs.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.Job;
import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobQuery;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobInfo;
import dev.jobs.RecurringJobRequest;
import dev.jobs.testsupport.DatabaseContractTests;
import dev.jobs.testsupport.TestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Names and unique keys with quotes, {@code %}, {@code _}, emoji, right-to-left text and
 * the longest lengths their columns take are kept byte for byte; longer ones and ones
 * that end in white space are refused before anything is stored. Run on every database by
 * the subclasses; MySQL and MariaDB compare {@code "a"} and {@code "a "} as equal, so
 * there the trailing-space rule is what keeps two names apart.
 */
abstract class NamesContractTests extends DatabaseContractTests {

	static final String EXOTIC_HANDLER = "it's \"quoted\" 100% _done_ 🚀 שלום";

	static final List<String> NAMES = List.of("it's \"quoted\"", "100% of_the_jobs", "%", "_", "rocket 🚀 👩‍👩‍👧",
			"שלום עולם", "مرحبا بالعالم", "mixed עברית and English", "a b", "é".repeat(200), "🚀".repeat(100),
			"x".repeat(198) + "🚀");

	private TestNode node;

	@BeforeEach
	void startNode() {
		this.node = TestNode.on(dataSource(), schema()).name("node-names").bean(new ExoticHandlers()).start();
	}

	@AfterEach
	void stopNode() {
		if (this.node != null) {
			this.node.close();
		}
	}

	private Jobs jobs() {
		return this.node.jobs();
	}

	@Test
	void jobNamesQueuesAndUniqueKeysRoundTripByteForByte() {
		for (String name : NAMES) {
			String queue = prefix(name, 100);
			JobId id = jobs()
				.enqueue(JobRequest.of(name, name).queue(queue).uniqueKey(name).delay(Duration.ofHours(1)));
			Job job = jobs().get(id).orElseThrow();
			assertThat(job.name().getBytes(StandardCharsets.UTF_8)).isEqualTo(name.getBytes(StandardCharsets.UTF_8));
			assertThat(job.queue()).isEqualTo(queue);
			assertThat(job.uniqueKey()).isEqualTo(name);
			assertThat(job.payload(String.class)).isEqualTo(name);
			assertThat(jobs().enqueue(JobRequest.of(name).uniqueKey(name))).isEqualTo(id);
			assertThat(jobs().query(JobQuery.builder().name(name).build())).extracting(Job::id).containsExactly(id);
			assertThat(jobs().stats().queue(queue).count(JobStatus.SCHEDULED)).isOne();
		}
		assertThat(jobs().count(JobQuery.builder().build())).isEqualTo(NAMES.size());
	}

	@Test
	void recurringNamesRoundTripByteForByte() {
		for (String name : NAMES) {
			String recurring = prefix(name, 150);
			jobs().schedule(RecurringJobRequest.interval(recurring, "1d").handler(EXOTIC_HANDLER));
			assertThat(jobs().recurringJobs()).filteredOn((info) -> info.name().equals(recurring))
				.singleElement()
				.satisfies((info) -> assertThat(info.handler()).isEqualTo(EXOTIC_HANDLER));
			assertThat(jobs().pauseRecurring(recurring)).isTrue();
		}
		assertThat(jobs().recurringJobs()).extracting(RecurringJobInfo::name)
			.filteredOn((name) -> !name.startsWith("jobs-"))
			.hasSize(NAMES.size());
	}

	@Test
	void jobWithAnExoticNameRunsOnItsHandler() {
		JobId id = jobs().enqueue(EXOTIC_HANDLER, "payload 'with' \"quotes\" and 🚀");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobs().get(id).orElseThrow().status() == JobStatus.COMPLETED);
		assertThat(jobs().get(id).orElseThrow().result(String.class)).isEqualTo("ran payload 'with' \"quotes\" and 🚀");
	}

	@Test
	void namesDifferingOnlyInTrailingCharactersAreNotConfused() {
		JobId plain = jobs().enqueue(JobRequest.of("trail").uniqueKey("order-1"));
		JobId zeroWidth = jobs().enqueue(JobRequest.of("trail\u200B").uniqueKey("order-1\u200B"));
		JobId underscore = jobs().enqueue(JobRequest.of("trail_").uniqueKey("order-1_"));
		JobId percent = jobs().enqueue(JobRequest.of("trail%").uniqueKey("order-1%"));
		assertThat(List.of(plain, zeroWidth, underscore, percent)).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobs().get(plain).orElseThrow().status() == JobStatus.COMPLETED);
		assertThat(jobs().query(JobQuery.builder().name("trail").build())).extracting(Job::id).containsExactly(plain);
		// the others have no handler: never claimed, so never handed back and claimed
		// again
		for (JobId other : List.of(zeroWidth, underscore, percent)) {
			Job job = jobs().get(other).orElseThrow();
			assertThat(job.status()).isEqualTo(JobStatus.PENDING);
			assertThat(job.attempts()).isZero();
			assertThat(jobs().history(other)).isEmpty();
		}
		assertThat(jobs().enqueue(JobRequest.of("trail").uniqueKey("order-1_"))).isEqualTo(underscore);
	}

	@Test
	void namesEndingInWhiteSpaceAreRefusedAndNothingIsStored() {
		long recurringBefore = rows("recurring_job");
		for (String name : List.of("a ", " a", "a\t", "a\u00A0", "a\u3000", "a\n")) {
			assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> jobs().enqueue(name, null));
			assertThatExceptionOfType(InvalidJobRequestException.class)
				.isThrownBy(() -> jobs().enqueue(JobRequest.of("trail").uniqueKey(name)));
			assertThatExceptionOfType(InvalidJobRequestException.class)
				.isThrownBy(() -> jobs().enqueue(JobRequest.of("trail").queue(name)));
			assertThatExceptionOfType(InvalidJobRequestException.class)
				.isThrownBy(() -> jobs().schedule(RecurringJobRequest.interval(name, "1h")));
		}
		assertThat(jobs().count(JobQuery.builder().build())).isZero();
		assertThat(rows("job")).isZero();
		assertThat(rows("recurring_job")).isEqualTo(recurringBefore);
	}

	@Test
	void storedNameEndingInASpaceNeverLoopsBetweenClaimAndHandBack() {
		JobId padded = jobs().enqueue(JobRequest.of("trail").delay(Duration.ofHours(1)));
		// as a row stored before the name rules, or written directly, would be
		Object key = database().usesMySqlDialect() ? padded.toString() : padded.value();
		int updated = new JdbcTemplate(dataSource()).update(
				"UPDATE " + schema().prefix() + "job SET name = ?, run_at = ? WHERE id = ?", "trail ",
				Timestamp.from(Instant.now().minusSeconds(1)), key);
		assertThat(updated).isOne();
		if (database().usesMySqlDialect()) {
			// the claim matches it to "trail", as the collation ignores trailing spaces
			// (utf8mb4_bin pads on MySQL 8 as on MariaDB; MySQL's _0900_ collations do
			// not)
			await().atMost(Duration.ofSeconds(20))
				.until(() -> jobs().get(padded).orElseThrow().status() == JobStatus.FAILED);
			Job failed = jobs().get(padded).orElseThrow();
			assertThat(failed.attempts()).isOne();
			assertThat(failed.error()).contains("name rules").contains("Job name");
			assertThat(jobs().history(padded)).singleElement();
		}
		JobId plain = jobs().enqueue("trail", null);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jobs().get(plain).orElseThrow().status() == JobStatus.COMPLETED);
		if (!database().usesMySqlDialect()) {
			Job unclaimed = jobs().get(padded).orElseThrow();
			assertThat(unclaimed.status()).isEqualTo(JobStatus.PENDING);
			assertThat(unclaimed.attempts()).isZero();
		}
	}

	@Test
	void longStringsAreRefusedNamingTheFieldAndItsLimit() {
		String tenKilobytes = "k".repeat(10 * 1024);
		assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> jobs().enqueue(tenKilobytes, null))
			.withMessageStartingWith("Job name must be at most 200 characters")
			.withMessageContaining("was 10240");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().enqueue(JobRequest.of("trail").uniqueKey(tenKilobytes)))
			.withMessageStartingWith("Unique key of job 'trail' must be at most 200 characters");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().enqueue(JobRequest.of("trail").queue(tenKilobytes)))
			.withMessageStartingWith("Queue name of job 'trail' must be at most 100 characters");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().schedule(RecurringJobRequest.cron(tenKilobytes, "@daily")))
			.withMessageStartingWith("Recurring job name must be at most 150 characters");
		String twoHundredFiftyFive = "é".repeat(255);
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().enqueue(twoHundredFiftyFive, null))
			.withMessageStartingWith("Job name must be at most 200 characters")
			.withMessageContaining("was 255");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> jobs().enqueue(JobRequest.of("🚀".repeat(101))))
			.withMessageContaining("was 202");
		assertThat(rows("job")).isZero();
	}

	@Test
	void longPayloadStringsRoundTripByteForByte() {
		String text = "'\"%_🚀 שלום ".repeat(255);
		JobId id = jobs().enqueue(JobRequest.of("parked", text).delay(Duration.ofHours(1)));
		assertThat(jobs().get(id).orElseThrow().payload(String.class).getBytes(StandardCharsets.UTF_8))
			.isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String prefix(String name, int maxLength) {
		if (name.length() <= maxLength) {
			return name;
		}
		int end = Character.isHighSurrogate(name.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
		return name.substring(0, end);
	}

	private long rows(String table) {
		Map<String, Object> row = new JdbcTemplate(dataSource())
			.queryForMap("SELECT COUNT(*) AS n FROM " + schema().prefix() + table);
		return ((Number) row.values().iterator().next()).longValue();
	}

	static class ExoticHandlers {

		@JobHandler(EXOTIC_HANDLER)
		String exotic(String payload, JobContext context) {
			return "ran " + payload;
		}

		@JobHandler("trail")
		void trail(JobContext context) {
		}

	}

}
