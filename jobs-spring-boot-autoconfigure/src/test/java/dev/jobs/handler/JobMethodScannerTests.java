package dev.jobs.handler;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import dev.jobs.JobHandler;
import dev.jobs.RecurringJob;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JobMethodScanner}.
 */
class JobMethodScannerTests {

	private final JobMethodScanner scanner = new JobMethodScanner();

	@Test
	void findsTheJobHandlerMethodsOfAClass() {
		assertThat(this.scanner.jobHandlers(Mailer.class)).hasSize(1)
			.hasEntrySatisfying(method(Mailer.class, "send"),
					(annotation) -> assertThat(annotation.value()).isEqualTo("send-email"));
		assertThat(this.scanner.recurringJobs(Mailer.class)).isEmpty();
	}

	@Test
	void findsTheRecurringJobMethodsOfAClass() {
		assertThat(this.scanner.recurringJobs(Maintenance.class)).hasSize(1)
			.hasEntrySatisfying(method(Maintenance.class, "cleanUp"),
					(annotation) -> assertThat(annotation.value()).isEqualTo("cleanup"));
		assertThat(this.scanner.jobHandlers(Maintenance.class)).isEmpty();
	}

	@Test
	void aClassDeclaresJobsWithEitherKindOfMethodOnly() {
		assertThat(this.scanner.declaresJobs(Mailer.class)).isTrue();
		assertThat(this.scanner.declaresJobs(Maintenance.class)).isTrue();
		assertThat(this.scanner.declaresJobs(Plain.class)).isFalse();
		assertThat(this.scanner.declaresJobs(String.class)).isFalse();
	}

	@Test
	void findsTheMethodsASubclassInherits() {
		assertThat(this.scanner.recurringJobs(MaintenanceSubclass.class))
			.containsOnlyKeys(method(Maintenance.class, "cleanUp"));
	}

	private static Method method(Class<?> type, String name) {
		try {
			return type.getDeclaredMethod(name);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Mailer {

		@JobHandler("send-email")
		void send() {
		}

	}

	static class Maintenance {

		@RecurringJob(value = "cleanup", interval = "1h")
		void cleanUp() {
		}

	}

	static class MaintenanceSubclass extends Maintenance {

	}

	static class Plain {

		void run() {
		}

	}

}
