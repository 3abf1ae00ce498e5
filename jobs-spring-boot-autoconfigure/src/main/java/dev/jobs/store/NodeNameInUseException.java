package dev.jobs.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Raised when a node name is held by another, live instance: two processes were started
 * with the same {@code jobs.node-name}.
 */
public class NodeNameInUseException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable NodeInfo holder;

	/**
	 * Create the exception.
	 * @param name the node name
	 * @param holder the node row that holds it, if it could be read
	 * @param waited how long the node waited for the holder's lease to lapse
	 */
	public NodeNameInUseException(String name, @Nullable NodeInfo holder, Duration waited) {
		super(message(name, holder, waited));
		this.holder = holder;
	}

	/**
	 * The node row that holds the name.
	 * @return the holder, or {@code null} if it could not be read
	 */
	public @Nullable NodeInfo holder() {
		return this.holder;
	}

	private static String message(String name, @Nullable NodeInfo holder, Duration waited) {
		String held = (holder != null) ? "instance " + holder.instance() + " (registered at " + holder.startedAt()
				+ ", last heartbeat " + holder.silentFor().toMillis() + "ms ago)" : "another instance";
		return "Node name '" + name + "' is held by " + held + ", still live after waiting " + waited.toMillis()
				+ "ms for its lease to lapse: two processes were started with jobs.node-name=" + name
				+ ". Give each replica a name of its own, or leave jobs.node-name unset for a generated one.";
	}

}
