package dev.jobs.faults.app;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code fault.clock-offset} set, a {@link Clock} bean that runs ahead of (or, for a
 * negative offset, behind) the system clock, for an engine that takes its time from a
 * {@code Clock} bean. The JVM's own clock is not moved.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("fault.clock-offset")
class SkewedClockConfiguration {

	@Bean
	Clock skewedClock(@Value("${fault.clock-offset}") Duration offset) {
		return Clock.offset(Clock.systemUTC(), offset);
	}

}
