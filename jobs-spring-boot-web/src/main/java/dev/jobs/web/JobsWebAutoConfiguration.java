package dev.jobs.web;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import dev.jobs.Jobs;
import dev.jobs.JobsOperations;
import dev.jobs.autoconfigure.JobsAutoConfiguration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the operations console's JSON API
 * under {@code {jobs.web.path}/api}, on when {@code jobs.web.enabled=true} in a Spring
 * MVC application with the {@link Jobs} bean.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JobsAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBooleanProperty("jobs.web.enabled")
@ConditionalOnBean(Jobs.class)
@EnableConfigurationProperties(JobsWebProperties.class)
@Import({ JobsWebAutoConfiguration.SecurityAccessConfiguration.class,
		JobsWebAutoConfiguration.PlainAccessConfiguration.class, JobsWebAutoConfiguration.HealthConfiguration.class })
public final class JobsWebAutoConfiguration {

	private final ConsoleJsonHttpMessageConverter converter = new ConsoleJsonHttpMessageConverter();

	private final JobViews views = new JobViews(this.converter.getMapper());

	private final ConsoleAudit audit = new ConsoleAudit();

	@Bean
	ConsoleWebMvcConfigurer jobsWebMvcConfigurer(JobsWebProperties properties, ConsoleAccess jobsWebAccess) {
		return new ConsoleWebMvcConfigurer(properties, this.converter,
				new ConsoleAccessInterceptor(jobsWebAccess, properties, this.audit));
	}

	@Bean
	ConsoleDashboardHandlerMapping jobsWebDashboardHandlerMapping(JobsWebProperties properties) {
		return new ConsoleDashboardHandlerMapping(properties);
	}

	@Bean
	ConsoleJobsController jobsWebJobsController(Jobs jobs) {
		return new ConsoleJobsController(jobs, this.views, this.audit);
	}

	@Bean
	ConsoleEventsController jobsWebEventsController(Jobs jobs, JobEventStreams jobsWebEventStreams) {
		return new ConsoleEventsController(jobs, jobsWebEventStreams);
	}

	@Bean
	JobEventStreams jobsWebEventStreams(Jobs jobs) {
		return new JobEventStreams(jobs, this.views, JobEventStreams.DEFAULT_MAX_STREAMS,
				JobEventStreams.DEFAULT_POLL_INTERVAL, JobEventStreams.DEFAULT_TIMEOUT);
	}

	@Bean
	ConsoleRecurringController jobsWebRecurringController(Jobs jobs) {
		return new ConsoleRecurringController(jobs, this.views, this.audit);
	}

	@Bean
	ConsoleOverviewController jobsWebOverviewController(Jobs jobs, ConsoleAccess jobsWebAccess,
			JobsWebProperties properties) {
		return new ConsoleOverviewController(jobs, jobsWebAccess, properties);
	}

	@Bean
	ConsoleQueuesController jobsWebQueuesController(Jobs jobs) {
		return new ConsoleQueuesController(jobs, this.audit);
	}

	@Bean
	@ConditionalOnBean(JobsOperations.class)
	ConsoleNodesController jobsWebNodesController(JobsOperations operations) {
		return new ConsoleNodesController(operations, this.audit);
	}

	@Bean
	ConsoleExceptionHandler jobsWebExceptionHandler() {
		return new ConsoleExceptionHandler();
	}

	@Bean
	static ConsoleStartupWarnings jobsWebStartupWarnings(JobsWebProperties properties,
			ListableBeanFactory beanFactory) {
		return new ConsoleStartupWarnings(properties, beanFactory);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
	static class SecurityAccessConfiguration {

		@Bean
		ConsoleAccess jobsWebAccess(ObjectProvider<SecurityContextHolderStrategy> contextHolder,
				JobsWebProperties properties) {
			@Nullable SecurityContextHolderStrategy strategy = contextHolder.getIfUnique();
			return new SecurityConsoleAccess(strategy, properties);
		}

		@Bean
		JobsWebProblemHandler jobsWebProblemHandler() {
			return new JobsWebProblemHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.web.SecurityFilterChain")
	static class PlainAccessConfiguration {

		@Bean
		ConsoleAccess jobsWebAccess(JobsWebProperties properties) {
			return new PlainConsoleAccess(properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class HealthConfiguration {

		@Bean
		ConsoleHealthController jobsWebHealthController(BeanFactory beanFactory) {
			return new ConsoleHealthController(beanFactory);
		}

	}

}
