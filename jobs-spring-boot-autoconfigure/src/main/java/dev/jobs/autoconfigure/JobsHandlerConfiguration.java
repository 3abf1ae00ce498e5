package dev.jobs.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.io.ResourceLoader;

import dev.jobs.engine.JobSettingsResolver;
import dev.jobs.handler.JobHandlerMethodProcessor;
import dev.jobs.handler.JobHandlerRegistry;

/**
 * The handlers: their registry, the processor that registers the
 * {@link dev.jobs.JobHandler @JobHandler} methods and the handler beans, and the settings
 * that the properties give them.
 */
@Configuration(proxyBeanMethods = false)
class JobsHandlerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static JobHandlerRegistry jobHandlerRegistry() {
		return new JobHandlerRegistry();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static JobHandlerMethodProcessor jobHandlerMethodProcessor(ObjectProvider<JobHandlerRegistry> registry) {
		return new JobHandlerMethodProcessor(registry.getObject());
	}

	@Bean
	@ConditionalOnMissingBean
	JobSettingsResolver jobSettingsResolver(JobHandlerRegistry registry, JobsProperties properties,
			ResourceLoader resourceLoader) {
		return new JobSettingsResolver(registry, JobsPropertiesMapper.defaults(properties),
				JobsPropertiesMapper.handlerOverrides(properties, resourceLoader.getClassLoader()));
	}

}
