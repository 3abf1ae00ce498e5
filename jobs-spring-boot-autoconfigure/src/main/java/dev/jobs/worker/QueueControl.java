package dev.jobs.worker;

/**
 * Pauses and resumes the claiming of a queue's jobs on this node, as the endpoint does.
 */
public interface QueueControl {

	/**
	 * Stop claiming jobs of a queue on this node.
	 * @param queue the queue name
	 */
	void pauseQueue(String queue);

	/**
	 * Claim jobs of a queue again on this node.
	 * @param queue the queue name
	 */
	void resumeQueue(String queue);

}
