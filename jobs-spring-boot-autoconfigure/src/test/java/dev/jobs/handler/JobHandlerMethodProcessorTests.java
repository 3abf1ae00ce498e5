package dev.jobs.handler;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JobHandlerMethodProcessor}.
 */
class JobHandlerMethodProcessorTests {

	private final JobHandlerRegistry registry = new JobHandlerRegistry();

	private final JobHandlerMethodProcessor processor = new JobHandlerMethodProcessor(this.registry);

	@Test
	void registersAHandlerBeanAsItIs() {
		Chores chores = new Chores();
		JobHandlerMethod handler = HandlerMethodFactory.create("sweep", "chores", chores,
				ReflectionUtils.findMethod(Chores.class, "sweep"),
				new HandlerSettings(null, null, null, null, null, null, null, null, List.of()));
		assertThat(this.processor.postProcessAfterInitialization(handler, "choresHandler")).isSameAs(handler);
		assertThat(this.registry.find("sweep")).isSameAs(handler);
		assertThat(this.registry.names()).containsExactly("sweep");
	}

	static class Chores {

		void sweep() {
		}

	}

}
