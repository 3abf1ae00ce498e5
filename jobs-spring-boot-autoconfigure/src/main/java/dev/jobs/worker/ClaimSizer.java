package dev.jobs.worker;

/**
 * Decides how many jobs the shared claim asks for. It asks for the free slots; while
 * claims come back full and jobs end quickly, it also asks for a few more, held ready on
 * the node so that a freed slot starts its next job without waiting for a claim's round
 * trip. How many: what the node ends in the look-ahead time at its current rate, at most
 * {@link #MAX_HELD}. Jobs that run long end slowly, so none are held for them and other
 * nodes can take them; a claim that comes back short, as when nothing more is due, drops
 * the reserve to none.
 */
final class ClaimSizer {

	/**
	 * The most claimed jobs held ready beyond the free slots.
	 */
	static final int MAX_HELD = 1000;

	private static final long LOOK_AHEAD_NANOS = 50_000_000L;

	private int reserve;

	private long lastClaimNanos = System.nanoTime();

	private long endedAtLastClaim;

	/**
	 * How many jobs to ask for now.
	 * @param free the free slots
	 * @param held the claimed jobs already held ready
	 * @return the claim's size; 0 for no claim
	 */
	synchronized int size(int free, int held) {
		if (held > 0 && held * 2 >= this.reserve) {
			return 0;
		}
		return Math.max(0, free + this.reserve - held);
	}

	/**
	 * Learn from a claim.
	 * @param asked how many jobs it asked for
	 * @param got how many it got
	 * @param ended how many attempts the node has ended in all, so far
	 */
	synchronized void claimed(int asked, int got, long ended) {
		long now = System.nanoTime();
		long elapsed = Math.max(1, now - this.lastClaimNanos);
		double endedPerNano = (double) (ended - this.endedAtLastClaim) / elapsed;
		this.lastClaimNanos = now;
		this.endedAtLastClaim = ended;
		if (got < asked) {
			this.reserve = 0;
		}
		else {
			this.reserve = (int) Math.min(MAX_HELD, Math.round(endedPerNano * LOOK_AHEAD_NANOS));
		}
	}

}
