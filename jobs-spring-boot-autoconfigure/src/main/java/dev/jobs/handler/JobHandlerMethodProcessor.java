package dev.jobs.handler;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

import dev.jobs.Backoff;
import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobHandler;
import dev.jobs.JobNames;

/**
 * Finds {@link JobHandler @JobHandler} methods on beans as they are created and registers
 * them, failing start-up with a message that names the bean and the method when one
 * cannot be used. A {@link JobHandlerMethod} bean, such as the handler of a built-in job,
 * is registered as it is.
 */
public class JobHandlerMethodProcessor implements BeanPostProcessor {

	private final JobHandlerRegistry registry;

	private final JobMethodScanner scanner = new JobMethodScanner();

	/**
	 * Create a processor.
	 * @param registry where to register the handlers found
	 */
	public JobHandlerMethodProcessor(JobHandlerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof JobHandlerMethod handler) {
			this.registry.register(handler);
			return bean;
		}
		Map<Method, JobHandler> annotated = this.scanner.jobHandlers(AopUtils.getTargetClass(bean));
		annotated.forEach((method, annotation) -> {
			String name = annotation.value();
			try {
				JobNames.checkJobName(name);
			}
			catch (InvalidJobRequestException ex) {
				throw new JobHandlerDefinitionException(
						"@JobHandler on " + JobHandlerMethod.describe(beanName, method) + ": " + ex.getMessage(),
						"Name the job type: @JobHandler(\"send-email\"), at most " + JobNames.MAX_JOB_NAME_LENGTH
								+ " characters, no control characters, no white space at either end.");
			}
			HandlerSettings settings = settings(annotation, beanName, method);
			this.registry.register(HandlerMethodFactory.create(name, beanName, bean, method, settings));
		});
		return bean;
	}

	private HandlerSettings settings(JobHandler annotation, String beanName, Method method) {
		Backoff backoff = annotation.backoff();
		String where = "@JobHandler '" + annotation.value() + "' on " + JobHandlerMethod.describe(beanName, method);
		if (annotation.maxAttempts() < 0) {
			throw new JobHandlerDefinitionException(
					where + " has maxAttempts " + annotation.maxAttempts() + "; it must be at least 1",
					"Set maxAttempts to 1 or more, or leave it out for jobs.defaults.max-attempts.");
		}
		if (annotation.priority().length > 1) {
			throw new JobHandlerDefinitionException(
					where + " has " + annotation.priority().length + " priorities; it takes at most one",
					"Set one priority, such as priority = Priority.HIGH, or none for jobs.defaults.priority.");
		}
		if (!annotation.queue().isEmpty()) {
			try {
				JobNames.checkQueueName(annotation.queue());
			}
			catch (InvalidJobRequestException ex) {
				throw new JobHandlerDefinitionException(where + ": " + ex.getMessage(),
						"Name the queue: queue = \"mail\", or leave it out for the handler's default queue.");
			}
		}
		HandlerSettings settings = new HandlerSettings(
				StringUtils.hasText(annotation.queue()) ? annotation.queue() : null,
				(annotation.priority().length == 1) ? annotation.priority()[0] : null,
				(annotation.maxAttempts() > 0) ? annotation.maxAttempts() : null,
				duration(annotation.timeout(), "timeout", where), duration(backoff.delay(), "backoff delay", where),
				(backoff.multiplier() >= 0) ? backoff.multiplier() : null,
				duration(backoff.maxDelay(), "backoff maxDelay", where),
				(backoff.jitter() >= 0) ? backoff.jitter() : null, Arrays.asList(annotation.nonRetryable()));
		HandlerSettings.BackoffProblem problem = settings.backoffProblem();
		if (problem != null) {
			throw new JobHandlerDefinitionException(
					where + " has backoff " + problem.attribute() + " " + problem.value() + ": " + problem.reason(),
					"Fix @Backoff(" + problem.attribute() + " = ...), or leave it out for jobs.defaults.backoff.*.");
		}
		return settings;
	}

	private static @Nullable Duration duration(String text, String attribute, String where) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			Duration duration = DurationStyle.detectAndParse(text.trim());
			if (duration.isNegative()) {
				throw new IllegalArgumentException("negative");
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			throw new JobHandlerDefinitionException(where + " has an invalid " + attribute + " '" + text + "'",
					"Use a duration such as 500ms, 30s, 10m or PT1M.");
		}
	}

}
