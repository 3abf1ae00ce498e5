package dev.jobs.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;

import dev.jobs.web.JobsWebProperties.Access;

/**
 * Warns at start-up when the console takes writes with no Spring Security in front of it,
 * and when authorities are set that nothing can check.
 */
final class ConsoleStartupWarnings implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(JobsWebAutoConfiguration.class);

	private static final String FILTER_CHAIN_BEAN = "springSecurityFilterChain";

	private final JobsWebProperties properties;

	private final ListableBeanFactory beanFactory;

	ConsoleStartupWarnings(JobsWebProperties properties, ListableBeanFactory beanFactory) {
		this.properties = properties;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean secured = ClassUtils.isPresent("org.springframework.security.web.SecurityFilterChain",
				getClass().getClassLoader()) && this.beanFactory.containsBean(FILTER_CHAIN_BEAN);
		if (secured) {
			return;
		}
		if (this.properties.getAccess() == Access.UNRESTRICTED) {
			logger.warn("The jobs console at " + this.properties.getPath() + "/api takes writes "
					+ "(jobs.web.access=unrestricted) without Spring Security: anyone who reaches the port "
					+ "may change jobs");
		}
		if (this.properties.getReadAuthority() != null || this.properties.getWriteAuthority() != null) {
			logger.warn("jobs.web.read-authority and jobs.web.write-authority need Spring Security to be checked: "
					+ "without it the console refuses what they guard");
		}
	}

}
