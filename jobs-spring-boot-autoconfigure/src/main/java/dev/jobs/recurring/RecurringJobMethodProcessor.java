package dev.jobs.recurring;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobNames;
import dev.jobs.RecurringJob;
import dev.jobs.handler.HandlerMethodFactory;
import dev.jobs.handler.HandlerSettings;
import dev.jobs.handler.JobHandlerDefinitionException;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.handler.JobMethodScanner;
import dev.jobs.store.RecurringDefinition.Source;
import dev.jobs.store.RecurringDefinition;

/**
 * Finds {@link RecurringJob @RecurringJob} methods on beans as they are created,
 * registers each as the handler of its name and declares its recurring job, failing
 * start-up with a message that names the job, the bean and the method and quotes the bad
 * value when one cannot be used.
 */
public class RecurringJobMethodProcessor implements BeanPostProcessor, EmbeddedValueResolverAware {

	private final JobHandlerRegistry handlers;

	private final DeclaredRecurringJobs declared;

	private final Supplier<RecurringSettings> settings;

	private final JsonMapper jsonMapper = new JsonMapper();

	private final JobMethodScanner scanner = new JobMethodScanner();

	private @Nullable StringValueResolver valueResolver;

	/**
	 * Create a processor.
	 * @param handlers where to register the methods as handlers
	 * @param declared where to declare the recurring jobs
	 * @param settings the recurring settings, for the default zone and cron dialect, read
	 * when the first recurring job is found
	 */
	public RecurringJobMethodProcessor(JobHandlerRegistry handlers, DeclaredRecurringJobs declared,
			Supplier<RecurringSettings> settings) {
		this.handlers = handlers;
		this.declared = declared;
		this.settings = settings;
	}

	@Override
	public void setEmbeddedValueResolver(StringValueResolver resolver) {
		this.valueResolver = resolver;
	}

	private String resolve(String value) {
		String resolved = (this.valueResolver != null && StringUtils.hasText(value))
				? this.valueResolver.resolveStringValue(value) : value;
		return (resolved != null) ? resolved : "";
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Map<Method, RecurringJob> annotated = this.scanner.recurringJobs(AopUtils.getTargetClass(bean));
		annotated.forEach((method, annotation) -> declare(bean, beanName, method, annotation));
		return bean;
	}

	private void declare(Object bean, String beanName, Method method, RecurringJob annotation) {
		String name = annotation.value();
		String where = "@RecurringJob '" + name + "' on bean '" + beanName + "' method "
				+ method.getDeclaringClass().getSimpleName() + "." + method.getName();
		try {
			JobNames.checkRecurringName(name);
		}
		catch (InvalidJobRequestException ex) {
			throw new JobHandlerDefinitionException(where + ": " + ex.getMessage(),
					"Name the recurring job: @RecurringJob(value = \"nightly-report\", cron = \"@daily\"), at most "
							+ JobNames.MAX_RECURRING_NAME_LENGTH
							+ " characters, no control characters, no white space at either end.");
		}
		RecurringSettings settings = this.settings.get();
		String zone = StringUtils.hasText(resolve(annotation.zone())) ? resolve(annotation.zone())
				: settings.zone().getId();
		String cron = StringUtils.hasText(resolve(annotation.cron())) ? resolve(annotation.cron()).trim() : null;
		String interval = StringUtils.hasText(resolve(annotation.interval())) ? resolve(annotation.interval()).trim()
				: null;
		Schedule schedule;
		try {
			schedule = Schedules.parse(name, cron, interval, zone, settings.cronDialect());
		}
		catch (InvalidJobRequestException ex) {
			throw new JobHandlerDefinitionException(where + ": " + ex.getMessage(),
					"Give exactly one of cron (such as \"0 0 8 * * *\" or \"@daily\") and interval (such as \"15m\"),"
							+ " and a zone id such as \"Europe/Paris\".");
		}
		if (annotation.maxRuns() < 0) {
			throw new JobHandlerDefinitionException(where + " has maxRuns " + annotation.maxRuns(),
					"Set maxRuns to 1 or more, or 0 for no limit.");
		}
		RecurringDefinition definition = new RecurringDefinition(name, name, schedule, zone,
				payload(resolve(annotation.payload()), where), annotation.allowConcurrent(), annotation.misfire(),
				annotation.maxRuns(), endAt(resolve(annotation.endAt()), where), Source.ANNOTATION);
		this.handlers.register(HandlerMethodFactory.create(name, beanName, bean, method, HandlerSettings.NONE));
		this.declared.add(new RecurringDeclaration(definition, annotation.runOnStart(), false));
	}

	private @Nullable String payload(String payload, String where) {
		if (!StringUtils.hasText(payload)) {
			return null;
		}
		try {
			return this.jsonMapper.writeValueAsString(this.jsonMapper.readTree(payload));
		}
		catch (JacksonException ex) {
			throw new JobHandlerDefinitionException(where + " has a payload that is not JSON: '" + payload + "'",
					"Write the payload as JSON, such as payload = \"{\\\"days\\\": 30}\".");
		}
	}

	private static @Nullable Instant endAt(String endAt, String where) {
		if (!StringUtils.hasText(endAt)) {
			return null;
		}
		try {
			return Instant.parse(endAt.trim());
		}
		catch (DateTimeParseException ex) {
			throw new JobHandlerDefinitionException(where + " has an invalid endAt '" + endAt + "'",
					"Write endAt as an ISO-8601 instant, such as 2027-01-01T00:00:00Z.");
		}
	}

}
