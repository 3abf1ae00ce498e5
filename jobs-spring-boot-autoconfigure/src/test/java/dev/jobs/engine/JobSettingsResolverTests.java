package dev.jobs.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jobs.handler.HandlerSettings;
import dev.jobs.Backoff;
import dev.jobs.JobHandler;
import dev.jobs.Priority;
import dev.jobs.RetryBackoff;
import dev.jobs.handler.JobHandlerMethodProcessor;
import dev.jobs.handler.JobHandlerRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JobSettingsResolver}: configuration beats the annotation, which beats
 * the defaults.
 */
class JobSettingsResolverTests {

	private final JobDefaults defaults = new JobDefaults("default", Priority.HIGH, 3, Duration.ofSeconds(60),
			new RetryBackoff(Duration.ofSeconds(1), 2.0, Duration.ofHours(1), 0.1));

	private JobSettingsResolver resolver(Map<String, HandlerSettings> overrides) {
		JobHandlerRegistry registry = new JobHandlerRegistry();
		new JobHandlerMethodProcessor(registry).postProcessAfterInitialization(new Handlers(), "handlers");
		return new JobSettingsResolver(registry, this.defaults, overrides);
	}

	@Test
	void handlerWithoutAPriorityTakesTheConfiguredDefault() {
		assertThat(resolver(Map.of()).resolve("plain").priority()).isEqualTo(Priority.HIGH);
	}

	@Test
	void annotationValuesBeatTheDefaults() {
		JobSettings settings = resolver(Map.of()).resolve("tuned");
		assertThat(settings.priority()).isEqualTo(Priority.CRITICAL);
		assertThat(settings.queue()).isEqualTo("mail");
		assertThat(settings.maxAttempts()).isEqualTo(7);
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.backoff())
			.isEqualTo(new RetryBackoff(Duration.ofMillis(250), 2.0, Duration.ofHours(1), 0.1));
	}

	@Test
	void configuredOverridesBeatTheAnnotation() {
		HandlerSettings overrides = new HandlerSettings("bulk", Priority.LOW, 2, null, null, 3.0, null, null,
				List.of(IllegalStateException.class));
		JobSettings settings = resolver(Map.of("tuned", overrides)).resolve("tuned");
		assertThat(settings.queue()).isEqualTo("bulk");
		assertThat(settings.priority()).isEqualTo(Priority.LOW);
		assertThat(settings.maxAttempts()).isEqualTo(2);
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.backoff().multiplier()).isEqualTo(3.0);
		assertThat(settings.isNonRetryable(new IllegalStateException())).isTrue();
		assertThat(settings.isNonRetryable(new IllegalArgumentException())).isFalse();
	}

	@Test
	void nameWithoutAHandlerTakesItsOverridesThenTheDefaults() {
		HandlerSettings overrides = new HandlerSettings(null, null, 9, null, null, null, null, null, List.of());
		JobSettings settings = resolver(Map.of("remote", overrides)).resolve("remote");
		assertThat(settings.maxAttempts()).isEqualTo(9);
		assertThat(settings.priority()).isEqualTo(Priority.HIGH);
		assertThat(settings.queue()).isEqualTo("default");
	}

	static class Handlers {

		@JobHandler("plain")
		void plain() {
		}

		@JobHandler(value = "tuned", queue = "mail", priority = Priority.CRITICAL, maxAttempts = 7, timeout = "5s",
				backoff = @Backoff(delay = "250ms"))
		void tuned() {
		}

	}

}
