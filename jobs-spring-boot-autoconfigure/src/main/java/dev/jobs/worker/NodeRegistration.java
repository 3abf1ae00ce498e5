package dev.jobs.worker;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeNameInUseException;
import dev.jobs.store.NodeRegistry;

/**
 * Registers this node under its name before its worker starts. A name held by the row of
 * another instance, which happens only when two processes are given the same
 * {@code jobs.node-name}, makes the node wait up to {@code staleAfter} for that lease to
 * lapse: a holder that stopped cleanly has removed its row already, and one that crashed
 * goes stale, when its running jobs are rescued and the name is free. A holder that is
 * still live then makes the start fail with a message naming it. Generated names never
 * collide, so their nodes register at once.
 */
final class NodeRegistration {

	private static final Log logger = LogFactory.getLog(NodeRegistration.class);

	private final NodeRegistry registry;

	private final Duration staleAfter;

	private final Duration retryInterval;

	NodeRegistration(NodeRegistry registry, Duration staleAfter, Duration heartbeatInterval) {
		this.registry = registry;
		this.staleAfter = staleAfter;
		this.retryInterval = (heartbeatInterval.compareTo(Duration.ofSeconds(1)) < 0) ? heartbeatInterval
				: Duration.ofSeconds(1);
	}

	/**
	 * Register a lease, waiting for the lease of another instance of the same name to
	 * lapse. A database that cannot be reached is not waited for: the heartbeats register
	 * the node once it can.
	 * @param lease the lease
	 * @throws NodeNameInUseException if a live instance still holds the name after
	 * {@code staleAfter}
	 */
	void register(NodeLease lease) {
		long started = System.nanoTime();
		boolean told = false;
		while (true) {
			NodeInfo holder;
			try {
				holder = this.registry.register(lease).orElse(null);
				if (holder != null && holder.silentFor().compareTo(this.staleAfter) >= 0) {
					// its jobs go back to pending and its row goes, so that the name is
					// free
					this.registry.rescueStaleNodes(this.staleAfter);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not register node " + lease.name() + "; its heartbeats will: " + ex.getMessage());
				return;
			}
			if (holder == null) {
				return;
			}
			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			if (waited.compareTo(this.staleAfter.plus(this.retryInterval)) > 0) {
				throw new NodeNameInUseException(lease.name(), holder, waited);
			}
			if (!told) {
				told = true;
				logger.warn("Node name " + lease.name() + " is held by another instance, " + holder.instance()
						+ "; waiting up to " + this.staleAfter + " for its lease to lapse before this node starts");
			}
			if (!pause()) {
				throw new NodeNameInUseException(lease.name(), holder, waited);
			}
		}
	}

	private boolean pause() {
		try {
			Thread.sleep(this.retryInterval.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
