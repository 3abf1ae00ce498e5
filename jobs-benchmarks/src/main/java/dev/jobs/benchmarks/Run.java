package dev.jobs.benchmarks;

/**
 * The outcome of one timed run.
 *
 * @param jobs jobs done
 * @param nanos time taken
 * @param timedOut whether the run stopped at the time limit before doing them all
 */
record Run(long jobs, long nanos, boolean timedOut) {

	double perSecond() {
		return (this.nanos > 0) ? this.jobs / (this.nanos / 1e9) : 0;
	}

}
