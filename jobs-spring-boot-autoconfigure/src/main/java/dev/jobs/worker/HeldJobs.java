package dev.jobs.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.jobs.JobId;
import dev.jobs.store.ClaimedJob;

/**
 * The claimed jobs this node holds until a slot of their queue is free, in the order they
 * were claimed. Those claimed ahead, beyond the free slots, are marked started when they
 * start. A held job that is cancelled counts as held until its end is handed over.
 */
final class HeldJobs {

	private final Capacity capacity;

	private final ArrayDeque<ClaimedJob> held = new ArrayDeque<>();

	private final Set<JobId> settling = ConcurrentHashMap.newKeySet();

	private final Set<JobId> claimedAhead = ConcurrentHashMap.newKeySet();

	HeldJobs(Capacity capacity) {
		this.capacity = capacity;
	}

	/**
	 * Hold claimed jobs.
	 * @param claimed the jobs
	 * @param ahead whether they were claimed ahead, as held
	 */
	void add(List<ClaimedJob> claimed, boolean ahead) {
		if (ahead) {
			claimed.forEach((job) -> this.claimedAhead.add(job.id()));
		}
		synchronized (this.held) {
			this.held.addAll(claimed);
		}
	}

	/**
	 * Take the first held job whose queue has a free slot, taking the slot, and track it
	 * as running.
	 * @param attempts where it is tracked as running
	 * @return its attempt, or {@code null} if no held job can start now
	 */
	@Nullable Attempt takeStartable(RunningAttempts attempts) {
		synchronized (this.held) {
			for (Iterator<ClaimedJob> jobs = this.held.iterator(); jobs.hasNext();) {
				ClaimedJob job = jobs.next();
				if (this.capacity.tryAcquire(job.queue())) {
					jobs.remove();
					// tracked as running before it is no longer held
					Attempt next = new Attempt(job);
					attempts.track(next);
					return next;
				}
			}
			return null;
		}
	}

	/**
	 * Whether a job that starts now was claimed ahead, as held; it is so only once.
	 * @param id the job id
	 * @return whether it was
	 */
	boolean startedAhead(JobId id) {
		return this.claimedAhead.remove(id);
	}

	int count() {
		synchronized (this.held) {
			return this.held.size();
		}
	}

	/**
	 * Give up every held job.
	 * @return the jobs
	 */
	List<ClaimedJob> takeAll() {
		synchronized (this.held) {
			List<ClaimedJob> jobs = new ArrayList<>(this.held);
			this.held.clear();
			this.claimedAhead.clear();
			return jobs;
		}
	}

	/**
	 * Take a held job to settle it without a run; it counts as held until
	 * {@link #settled(JobId)}.
	 * @param id the job id
	 * @return the job, or {@code null} if it is not held
	 */
	@Nullable ClaimedJob takeToSettle(JobId id) {
		synchronized (this.held) {
			for (Iterator<ClaimedJob> jobs = this.held.iterator(); jobs.hasNext();) {
				ClaimedJob job = jobs.next();
				if (job.id().equals(id)) {
					jobs.remove();
					this.claimedAhead.remove(id);
					this.settling.add(id);
					return job;
				}
			}
			return null;
		}
	}

	/**
	 * Take the held jobs of some queues to settle them without a run; each counts as held
	 * until {@link #settled(JobId)}.
	 * @param queues which queues
	 * @return the jobs
	 */
	List<ClaimedJob> takeToSettle(Predicate<String> queues) {
		List<ClaimedJob> taken = new ArrayList<>();
		synchronized (this.held) {
			for (Iterator<ClaimedJob> jobs = this.held.iterator(); jobs.hasNext();) {
				ClaimedJob job = jobs.next();
				if (queues.test(job.queue())) {
					jobs.remove();
					this.claimedAhead.remove(job.id());
					this.settling.add(job.id());
					taken.add(job);
				}
			}
		}
		return taken;
	}

	void settled(JobId id) {
		this.settling.remove(id);
	}

	/**
	 * Add the ids of the held jobs to a set.
	 * @param ids the set
	 */
	void addHeldIds(Set<JobId> ids) {
		synchronized (this.held) {
			this.held.forEach((job) -> ids.add(job.id()));
		}
	}

	/**
	 * Add the ids of the held jobs being settled to a set.
	 * @param ids the set
	 */
	void addSettlingIds(Set<JobId> ids) {
		ids.addAll(this.settling);
	}

}
