package dev.jobs.json;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A class that stored JSON names as a type id: its static initialiser records that it
 * ran, which must never happen.
 */
public class MapperCanary {

	static {
		Flag.INITIALISED.set(true);
	}

	public String value;

	/**
	 * Whether {@link MapperCanary} was initialised; kept apart so that reading it does
	 * not initialise the canary.
	 */
	public static final class Flag {

		public static final AtomicBoolean INITIALISED = new AtomicBoolean();

		private Flag() {
		}

	}

}
