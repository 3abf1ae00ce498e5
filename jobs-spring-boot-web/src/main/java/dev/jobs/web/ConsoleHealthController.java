package dev.jobs.web;

import java.util.Map;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's {@code GET /health}: the status and details of the {@code jobs} health
 * contributor, found by its bean name when the application has health support.
 */
@RestController
class ConsoleHealthController implements ConsoleController {

	static final String INDICATOR_BEAN = "jobsHealthIndicator";

	private final BeanFactory beanFactory;

	ConsoleHealthController(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@GetMapping("/health")
	ConsoleBodies.Health health() {
		if (!this.beanFactory.containsBean(INDICATOR_BEAN)) {
			throw new ConsoleRequestException(HttpStatus.NOT_FOUND, null,
					"The jobs health contributor is switched off (management.health.jobs.enabled=false)");
		}
		Health health = this.beanFactory.getBean(INDICATOR_BEAN, HealthIndicator.class).health(true);
		Map<String, Object> details = health.getDetails();
		return new ConsoleBodies.Health(health.getStatus().getCode(), details);
	}

}
