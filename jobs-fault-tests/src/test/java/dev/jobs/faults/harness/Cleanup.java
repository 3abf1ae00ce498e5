package dev.jobs.faults.harness;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the suite started (processes, database instances, relays), closed in the
 * reverse order of their start when a test ends, pass or fail, and by a JVM shutdown hook
 * should the test JVM end first.
 */
public final class Cleanup {

	private static final Deque<AutoCloseable> resources = new ArrayDeque<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "fault-suite-cleanup"));
	}

	private Cleanup() {
	}

	static synchronized <T extends AutoCloseable> T register(T resource) {
		resources.push(resource);
		return resource;
	}

	static synchronized void unregister(AutoCloseable resource) {
		resources.remove(resource);
	}

	/**
	 * Close every resource still open, most recent first.
	 */
	public static void closeAll() {
		while (true) {
			AutoCloseable next;
			synchronized (Cleanup.class) {
				next = resources.poll();
			}
			if (next == null) {
				return;
			}
			try {
				next.close();
			}
			catch (Exception ex) {
				System.err.println("Could not close " + next + ": " + ex);
			}
		}
	}

}
