package dev.jobs.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import dev.jobs.engine.DefaultJobs;
import dev.jobs.engine.HistoryCleanup;
import dev.jobs.handler.JobHandlerRegistry;
import dev.jobs.recurring.DeclaredRecurringJobs;
import dev.jobs.recurring.RecurringDeclaration;
import dev.jobs.recurring.RecurringJobMethodProcessor;
import dev.jobs.recurring.RecurringSettings;

/**
 * The recurring jobs: the processor that finds the
 * {@link dev.jobs.RecurringJob @RecurringJob} methods, their settings, and the
 * synchronization of the declared and configured recurring jobs with the stored ones.
 */
@Configuration(proxyBeanMethods = false)
class JobsRecurringConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static DeclaredRecurringJobs jobsDeclaredRecurringJobs() {
		return new DeclaredRecurringJobs();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static RecurringJobMethodProcessor jobsRecurringJobMethodProcessor(ObjectProvider<JobHandlerRegistry> registry,
			ObjectProvider<DeclaredRecurringJobs> declared, ObjectProvider<RecurringSettings> settings) {
		return new RecurringJobMethodProcessor(registry.getObject(), declared.getObject(), settings::getObject);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConfigurationPropertiesBindHandlerAdvisor jobsMovedRecurringSettingsCheck() {
		return ConfiguredRecurringJobs.movedSettingsCheck();
	}

	@Bean
	@ConditionalOnMissingBean
	RecurringSettings jobsRecurringSettings(JobsProperties properties) {
		return ConfiguredRecurringJobs.settings(properties);
	}

	@Bean
	static SmartInitializingSingleton jobsRecurringJobSynchronizer(ObjectProvider<DefaultJobs> jobs,
			ObjectProvider<DeclaredRecurringJobs> declared, ObjectProvider<JobHandlerRegistry> handlers,
			ObjectProvider<RecurringSettings> settings, ObjectProvider<HistoryCleanup> historyCleanup,
			ObjectProvider<JobsProperties> properties) {
		// runs once every singleton, so every @RecurringJob method, is known, and
		// before the worker starts
		return () -> jobs.ifAvailable((defaultJobs) -> {
			List<RecurringDeclaration> all = new ArrayList<>();
			historyCleanup.ifAvailable((cleanup) -> all.add(cleanup.declaration(settings.getObject().zone())));
			all.addAll(declared.getObject().all());
			defaultJobs.recurring()
				.synchronize(ConfiguredRecurringJobs.merge(all, properties.getObject().getRecurring(),
						handlers.getObject(), settings.getObject()));
		});
	}

}
