package dev.jobs.engine;

import java.util.List;

import dev.jobs.JobsProblem;

/**
 * One kind of check behind {@link dev.jobs.JobsOperations#problems()}.
 */
@FunctionalInterface
public interface ProblemSource {

	/**
	 * The problems found now.
	 * @return the problems, none when all is well
	 */
	List<JobsProblem> problems();

}
