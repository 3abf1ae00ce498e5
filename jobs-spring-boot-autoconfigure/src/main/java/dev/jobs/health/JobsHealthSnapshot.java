package dev.jobs.health;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One evaluation of the jobs' health on this node.
 *
 * @param status {@code UP}, {@code DOWN} or {@code OUT_OF_SERVICE}
 * @param details the details, in a stable order
 * @param error why the store could not be read, if it could not
 */
public record JobsHealthSnapshot(String status, Map<String, Object> details, @Nullable Exception error) {

	/**
	 * The status when all is well.
	 */
	public static final String UP = "UP";

	/**
	 * The status when the store cannot be read or the worker is stuck.
	 */
	public static final String DOWN = "DOWN";

	/**
	 * The status while the worker shuts down, and once it has stopped.
	 */
	public static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

}
