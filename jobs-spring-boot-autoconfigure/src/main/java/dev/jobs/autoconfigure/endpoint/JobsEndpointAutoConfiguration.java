package dev.jobs.autoconfigure.endpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.jobs.Jobs;
import dev.jobs.actuate.endpoint.JobsEndpoint;
import dev.jobs.actuate.endpoint.JobsEndpointWebExtension;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.engine.HandlerCoverage;
import dev.jobs.store.JobStore;
import dev.jobs.worker.WorkerStatus;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@code jobs} Actuator
 * endpoint. The endpoint's conditions sit on its bean methods, so that they are not read
 * when Actuator is absent. Like every endpoint it is reachable over HTTP only once
 * exposed ({@code management.endpoints.web.exposure.include}), and its write operations
 * exist only with {@code management.endpoint.jobs.access=unrestricted}. The application's
 * {@link SanitizingFunction} beans sanitize the values it shows, in their order.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JobsAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean({ Jobs.class, JobStore.class })
@EnableConfigurationProperties(JobsEndpointProperties.class)
public final class JobsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(JobsEndpoint.class)
	JobsEndpoint jobsEndpoint(Jobs jobs, JobStore store, ObjectProvider<WorkerStatus> worker,
			JobsEndpointProperties properties, ObjectProvider<SanitizingFunction> sanitizingFunctions,
			ObjectProvider<HandlerCoverage> coverage) {
		return new JobsEndpoint(jobs, store.nodes(), worker.getIfAvailable(), properties.getShowValues(),
				properties.getRoles(), sanitizingFunctions.orderedStream().toList(), coverage.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JobsEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = JobsEndpoint.class, exposure = EndpointExposure.WEB)
	JobsEndpointWebExtension jobsEndpointWebExtension(JobsEndpoint jobsEndpoint) {
		return new JobsEndpointWebExtension(jobsEndpoint);
	}

}
