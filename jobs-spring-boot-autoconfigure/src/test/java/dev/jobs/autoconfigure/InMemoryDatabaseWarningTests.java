package dev.jobs.autoconfigure;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose jobs end up in an in-memory database is told so at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class InMemoryDatabaseWarningTests {

	private static final String WARNING = "Jobs are stored in an in-memory database";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JacksonAutoConfiguration.class,
				JobsAutoConfiguration.class))
		.withPropertyValues("jobs.worker.enabled=false");

	@Test
	void applicationWithoutADataSourceUrlIsWarnedThatItsJobsDieWithTheProcess(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.datasource.generate-unique-name=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains(WARN_LINE_START).contains(WARNING);
		});
	}

	@Test
	void applicationOnAnExplicitInMemoryUrlIsWarnedToo(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.run((context) -> assertThat(output).contains(WARNING));
	}

	@Test
	void applicationOnADatabaseThatOutlivesTheProcessIsNotWarned(CapturedOutput output, @TempDir Path directory) {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("jobs"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain(WARNING);
			});
	}

	private static final String WARN_LINE_START = "WARN";

}
