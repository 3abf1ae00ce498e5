package dev.jobs.web;

import org.springframework.http.converter.HttpMessageConverters.ServerBuilder;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the console's controllers under {@code {jobs.web.path}/api}, adds the console's
 * own JSON converter (which touches the console's bodies only) and its access checks
 * (which look at the console's controllers only).
 */
final class ConsoleWebMvcConfigurer implements WebMvcConfigurer {

	private final JobsWebProperties properties;

	private final ConsoleJsonHttpMessageConverter converter;

	private final ConsoleAccessInterceptor interceptor;

	ConsoleWebMvcConfigurer(JobsWebProperties properties, ConsoleJsonHttpMessageConverter converter,
			ConsoleAccessInterceptor interceptor) {
		this.properties = properties;
		this.converter = converter;
		this.interceptor = interceptor;
	}

	@Override
	public void configurePathMatch(PathMatchConfigurer configurer) {
		configurer.addPathPrefix(this.properties.getPath() + "/api",
				HandlerTypePredicate.forAssignableType(ConsoleController.class));
	}

	@Override
	public void configureMessageConverters(ServerBuilder builder) {
		builder.addCustomConverter(this.converter);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor);
	}

}
