package dev.jobs.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A class that JSON given to the payload mapper or written into the store names as a type
 * id ({@code @class}): its static initialiser records that it ran, which must never
 * happen.
 */
public class GadgetCanary {

	static {
		Flag.INITIALISED.set(true);
	}

	public String value;

	/**
	 * Whether {@link GadgetCanary} was initialised; kept apart so that reading it does
	 * not initialise the canary.
	 */
	public static final class Flag {

		public static final AtomicBoolean INITIALISED = new AtomicBoolean();

		private Flag() {
		}

	}

}
