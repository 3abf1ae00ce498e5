package dev.jobs.handler;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The handlers of this application, by job name.
 */
public class JobHandlerRegistry {

	private final Map<String, JobHandlerMethod> handlers = new ConcurrentHashMap<>();

	/**
	 * Register a handler.
	 * @param handler the handler
	 * @throws JobHandlerDefinitionException if another handler has its name
	 */
	public void register(JobHandlerMethod handler) {
		JobHandlerMethod existing = this.handlers.putIfAbsent(handler.name(), handler);
		if (existing != null && existing != handler) {
			throw new JobHandlerDefinitionException(
					"Two @JobHandler methods are named '" + handler.name() + "': " + existing.describe() + " and "
							+ handler.describe(),
					"Give each @JobHandler method a name of its own, or remove one of them.");
		}
	}

	/**
	 * The handler of a job name.
	 * @param name the job name
	 * @return the handler, or {@code null} if there is none
	 */
	public @Nullable JobHandlerMethod find(String name) {
		return this.handlers.get(name);
	}

	/**
	 * The names that have handlers.
	 * @return the job names
	 */
	public Set<String> names() {
		return Collections.unmodifiableSet(this.handlers.keySet());
	}

}
