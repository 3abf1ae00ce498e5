package dev.jobs.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A class that JSON written into the store names as a type id: its static initialiser
 * records that it ran, which must never happen.
 */
public class StoreCanary {

	static {
		Flag.INITIALISED.set(true);
	}

	public String value;

	/**
	 * Whether {@link StoreCanary} was initialised; kept apart so that reading it does not
	 * initialise the canary.
	 */
	public static final class Flag {

		public static final AtomicBoolean INITIALISED = new AtomicBoolean();

		private Flag() {
		}

	}

}
