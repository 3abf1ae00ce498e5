package dev.jobs.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobNames;
import dev.jobs.MisfirePolicy;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.recurring.RecurringDeclaration;
import dev.jobs.recurring.RecurringSettings;
import dev.jobs.recurring.Schedule;
import dev.jobs.recurring.Schedules;
import dev.jobs.store.RecurringDefinition.Source;
import dev.jobs.store.RecurringDefinition;
import dev.jobs.store.StoredSchedule;

/**
 * Reads the configuration of recurring jobs, and holds all its checks: the settings of
 * every recurring job, {@code jobs.defaults.recurring.*}, and
 * {@code jobs.recurring.<name>.*}, which overrides the values of a declared
 * {@code @RecurringJob} or defines a recurring job of its own that names a handler.
 * Invalid values fail start-up naming the property and quoting the value, and so do the
 * keys under {@code jobs.recurring} that the settings had before they moved.
 */
final class ConfiguredRecurringJobs {

	private static final String DEFAULTS = "jobs.defaults.recurring";

	private static final ConfigurationPropertyName RECURRING = ConfigurationPropertyName.of("jobs.recurring");

	private static final List<String> MOVED_SETTINGS = List.of("zone", "cron-dialect", "max-catch-up",
			"max-clock-skew");

	private ConfiguredRecurringJobs() {
	}

	/**
	 * The settings of every recurring job, from {@code jobs.defaults.recurring.*}.
	 * @param properties the properties
	 * @return the settings
	 */
	static RecurringSettings settings(JobsProperties properties) {
		JobsProperties.Recurring recurring = properties.getDefaults().getRecurring();
		if (recurring.getMaxCatchUp() < 0) {
			throw new InvalidConfigurationPropertyValueException(DEFAULTS + ".max-catch-up", recurring.getMaxCatchUp(),
					"It must not be negative.");
		}
		if (recurring.getMaxClockSkew() == null || recurring.getMaxClockSkew().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(DEFAULTS + ".max-clock-skew",
					recurring.getMaxClockSkew(), "It must not be negative.");
		}
		ZoneId zone = (recurring.getZone() != null) ? recurring.getZone() : ZoneId.systemDefault();
		// an occurrence found within a poll interval and the allowed clock skew is on
		// time
		Duration grace = properties.getWorker().getPollInterval().plus(recurring.getMaxClockSkew());
		return new RecurringSettings(zone, recurring.getCronDialect(), recurring.getMaxCatchUp(), grace);
	}

	/**
	 * A check, while {@code jobs.recurring} is bound, that none of the settings is still
	 * set under its former key, such as {@code jobs.recurring.zone}: it would be read as
	 * a recurring job of that name.
	 * @return the advisor that adds the check to the binding of configuration properties
	 */
	static ConfigurationPropertiesBindHandlerAdvisor movedSettingsCheck() {
		return MovedSettingsCheck::new;
	}

	static List<RecurringDeclaration> merge(List<RecurringDeclaration> declared,
			Map<String, RecurringJobProperties> configured, JobHandlerRegistry handlers, RecurringSettings settings) {
		Map<String, RecurringDeclaration> merged = new LinkedHashMap<>();
		declared.forEach((declaration) -> merged.put(declaration.definition().name(), declaration));
		configured.forEach((name, properties) -> {
			JobsPropertiesMapper.requireName("jobs.recurring." + name, name, JobNames::checkRecurringName);
			if (StringUtils.hasText(properties.getHandler())) {
				JobsPropertiesMapper.requireName("jobs.recurring." + name + ".handler", properties.getHandler(),
						JobNames::checkJobName);
			}
			RecurringDeclaration annotation = merged.get(name);
			merged.put(name, (annotation != null) ? override(annotation, properties, settings)
					: defineFromConfiguration(name, properties, handlers, settings));
		});
		return List.copyOf(merged.values());
	}

	private static RecurringDeclaration override(RecurringDeclaration declaration, RecurringJobProperties properties,
			RecurringSettings settings) {
		RecurringDefinition base = declaration.definition();
		String prefix = "jobs.recurring." + base.name();
		boolean scheduleSet = StringUtils.hasText(properties.getCron())
				|| StringUtils.hasText(properties.getInterval());
		String zone = StringUtils.hasText(properties.getZone()) ? properties.getZone() : base.zone();
		// the declaration's schedule stands unless configuration changes it
		StoredSchedule schedule = base.schedule();
		if (scheduleSet || StringUtils.hasText(properties.getZone())) {
			boolean cron = scheduleSet ? StringUtils.hasText(properties.getCron())
					: schedule.kind() == StoredSchedule.Kind.CRON;
			String text = !scheduleSet ? schedule.text() : cron ? properties.getCron() : properties.getInterval();
			schedule = check(prefix, base.name(), cron ? text : null, cron ? null : text, zone, settings, scheduleSet
					&& StringUtils.hasText(properties.getCron()) && StringUtils.hasText(properties.getInterval()));
		}
		RecurringDefinition definition = new RecurringDefinition(base.name(),
				StringUtils.hasText(properties.getHandler()) ? properties.getHandler() : base.handler(), schedule, zone,
				(properties.getPayload() != null) ? json(prefix + ".payload", properties.getPayload())
						: base.payloadJson(),
				(properties.getAllowConcurrent() != null) ? properties.getAllowConcurrent() : base.allowConcurrent(),
				(properties.getMisfire() != null) ? properties.getMisfire() : base.misfire(),
				(properties.getMaxRuns() != null) ? properties.getMaxRuns() : base.maxRuns(),
				(properties.getEndAt() != null) ? properties.getEndAt() : base.endAt(), Source.ANNOTATION);
		return new RecurringDeclaration(definition,
				(properties.getRunOnStart() != null) ? properties.getRunOnStart() : declaration.runOnStart(),
				Boolean.FALSE.equals(properties.getEnabled()));
	}

	private static RecurringDeclaration defineFromConfiguration(String name, RecurringJobProperties properties,
			JobHandlerRegistry handlers, RecurringSettings settings) {
		String prefix = "jobs.recurring." + name;
		if (!StringUtils.hasText(properties.getHandler())) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".handler", null,
					"A recurring job defined in configuration alone must name its handler.");
		}
		if (handlers.find(properties.getHandler()) == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".handler", properties.getHandler(),
					"No @JobHandler or @RecurringJob is named '" + properties.getHandler() + "' in this application.");
		}
		String zone = StringUtils.hasText(properties.getZone()) ? properties.getZone() : settings.zone().getId();
		Schedule schedule = check(prefix, name, properties.getCron(), properties.getInterval(), zone, settings, false);
		RecurringDefinition definition = new RecurringDefinition(name, properties.getHandler(), schedule, zone,
				(properties.getPayload() != null) ? json(prefix + ".payload", properties.getPayload()) : null,
				Boolean.TRUE.equals(properties.getAllowConcurrent()),
				(properties.getMisfire() != null) ? properties.getMisfire() : MisfirePolicy.FIRE_ONCE,
				(properties.getMaxRuns() != null) ? properties.getMaxRuns() : 0, properties.getEndAt(),
				Source.CONFIGURATION);
		return new RecurringDeclaration(definition, Boolean.TRUE.equals(properties.getRunOnStart()),
				Boolean.FALSE.equals(properties.getEnabled()));
	}

	private static Schedule check(String prefix, String name, String cron, String interval, String zone,
			RecurringSettings settings, boolean both) {
		try {
			if (both) {
				throw new InvalidJobRequestException("Both cron and interval are set for recurring job '" + name + "'");
			}
			return Schedules.parse(name, cron, interval, zone, settings.cronDialect());
		}
		catch (InvalidJobRequestException ex) {
			String property = prefix + (StringUtils.hasText(cron) ? ".cron" : ".interval");
			throw new InvalidConfigurationPropertyValueException(property, StringUtils.hasText(cron) ? cron : interval,
					ex.getMessage());
		}
	}

	private static final class MovedSettingsCheck extends AbstractBindHandler {

		MovedSettingsCheck(BindHandler parent) {
			super(parent);
		}

		@Override
		public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
			if (RECURRING.equals(name)) {
				for (String setting : MOVED_SETTINGS) {
					ConfigurationPropertyName former = RECURRING.append(setting);
					for (ConfigurationPropertySource source : context.getSources()) {
						ConfigurationProperty property = source.getConfigurationProperty(former);
						if (property != null) {
							throw new InvalidConfigurationPropertyValueException(former.toString(), property.getValue(),
									"The setting moved to " + DEFAULTS + "." + setting + "; a key under " + RECURRING
											+ " names a recurring job.");
						}
					}
				}
			}
			return super.onStart(name, target, context);
		}

	}

	private static String json(String property, String payload) {
		JsonMapper mapper = new JsonMapper();
		try {
			return mapper.writeValueAsString(mapper.readTree(payload));
		}
		catch (JacksonException ex) {
			throw new InvalidConfigurationPropertyValueException(property, payload, "It is not JSON.");
		}
	}

}
