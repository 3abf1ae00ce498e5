package dev.jobs;

/**
 * Raised by an operation on a job id that the store does not hold.
 *
 * @since 0.1.0
 */
public class JobNotFoundException extends JobsException {

	private final JobId jobId;

	/**
	 * Create a new exception.
	 * @param jobId the id that was not found
	 */
	public JobNotFoundException(JobId jobId) {
		super("No job with id " + jobId);
		this.jobId = jobId;
	}

	/**
	 * The id that was not found.
	 * @return the job id
	 */
	public JobId getJobId() {
		return this.jobId;
	}

}
