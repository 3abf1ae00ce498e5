package dev.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JobNames} and the request builders that apply its rules.
 */
class JobNamesTests {

	@Test
	void namesWithQuotesWildcardsEmojiAndRightToLeftTextAreKept() {
		for (String name : new String[] { "it's \"quoted\"", "100%_done", "🚀 launch", "שלום", "a b",
				"zero-width-end\u200B", "x".repeat(200) }) {
			assertThat(JobNames.checkJobName(name)).isSameAs(name);
			assertThat(JobRequest.of(name).name()).isSameAs(name);
		}
	}

	@Test
	void blankNamesAreRefused() {
		for (String name : new String[] { null, "", " ", "\t\n" }) {
			assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> JobRequest.of(name))
				.withMessageStartingWith("Job name must not be");
		}
	}

	@Test
	void controlCharactersAreRefusedWithTheirPosition() {
		assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> JobNames.checkJobName("a\u0000b"))
			.withMessage("Job name must not contain control characters, has U+0000 at index 1: 'a\\u0000b'");
		for (String name : new String[] { "a\nb", "a\u007Fb", "a\u0085b", "a\u001Bb" }) {
			assertThatExceptionOfType(InvalidJobRequestException.class)
				.isThrownBy(() -> JobRequest.of("ok").uniqueKey(name))
				.withMessageStartingWith("Unique key of job 'ok' must not contain control characters");
		}
	}

	@Test
	void unpairedSurrogatesAreRefused() {
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> JobNames.checkQueueName("broken\uD83D"))
			.withMessageStartingWith("Queue name must not contain an unpaired surrogate, has U+D83D at index 6");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> JobNames.checkQueueName("\uDE80broken"))
			.withMessageContaining("U+DE80 at index 0");
	}

	@Test
	void leadingAndTrailingWhiteSpaceIsRefused() {
		for (String name : new String[] { "a ", " a", "a\u00A0", "\u2003a", "a\u3000" }) {
			assertThatExceptionOfType(InvalidJobRequestException.class).isThrownBy(() -> JobRequest.of(name))
				.withMessageStartingWith("Job name must not start or end with white space");
			assertThatExceptionOfType(InvalidJobRequestException.class)
				.isThrownBy(() -> RecurringJobRequest.cron(name, "@daily"))
				.withMessageStartingWith("Recurring job name must not start or end with white space");
			assertThatExceptionOfType(InvalidJobRequestException.class)
				.isThrownBy(() -> RecurringJobRequest.cron("nightly", "@daily").handler(name))
				.withMessageStartingWith("Handler of recurring job 'nightly' must not start or end with white space");
		}
	}

	@Test
	void lengthIsCheckedAgainstEachColumn() {
		assertThat(JobNames.checkQueueName("q".repeat(100))).hasSize(100);
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> JobRequest.of("ok").queue("q".repeat(101)))
			.withMessageStartingWith(
					"Queue name of job 'ok' must be at most 100 characters (the width of its column), was 101: 'qqq");
		assertThat(JobNames.checkRecurringName("r".repeat(150))).hasSize(150);
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> RecurringJobRequest.interval("r".repeat(151), "1h"))
			.withMessageStartingWith("Recurring job name must be at most 150 characters");
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> JobRequest.of("ok").uniqueKey("🚀".repeat(101)))
			.withMessageStartingWith("Unique key of job 'ok' must be at most 200 characters")
			.withMessageContaining("was 202");
	}

	@Test
	void longNamesAreShownShortenedInTheMessage() {
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> JobRequest.of("n".repeat(10 * 1024)))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200).endsWith("'..."));
	}

}
