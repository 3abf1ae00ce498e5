package dev.jobs;

import java.security.SecureRandom;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * The identity of a job: a time-ordered UUID (version 7), so that ids sort by creation
 * time. It is written to JSON as its text form.
 *
 * @param value the UUID
 * @since 0.1.0
 */
public record JobId(UUID value) implements Comparable<JobId> {

	/**
	 * Create a job id.
	 * @param value the UUID
	 */
	public JobId {
		Assert.notNull(value, "Job id value must not be null");
	}

	/**
	 * A new time-ordered id. Ids made by one JVM increase strictly, also within one
	 * millisecond and when the clock steps back, so that they keep the order in which
	 * jobs were created (RFC 9562, section 6.2, method 2: the 74 random bits of an id
	 * made in the millisecond of the previous one are that id's plus a random step).
	 * @return a new id whose first 48 bits are the Unix time in milliseconds
	 */
	public static JobId next() {
		return new JobId(Generator.INSTANCE.next());
	}

	/**
	 * Parse a job id from its text form.
	 * @param text the text form, as {@link #toString()} gives it
	 * @return the id
	 * @throws InvalidJobRequestException if the text is not a UUID
	 */
	@JsonCreator
	public static JobId of(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidJobRequestException("Job id must not be blank");
		}
		try {
			return new JobId(UUID.fromString(text.trim()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidJobRequestException("Job id '" + text + "' is not a UUID", ex);
		}
	}

	@Override
	public int compareTo(JobId other) {
		return this.value.compareTo(other.value);
	}

	@Override
	@JsonValue
	public String toString() {
		return this.value.toString();
	}

	/**
	 * Makes monotonic version 7 UUIDs: the 48-bit millisecond, then 74 bits (12 of
	 * {@code rand_a}, 62 of {@code rand_b}) that start random in each new millisecond
	 * with their top bit clear, so that many increments fit, and grow by a random step of
	 * up to 2^32 within it. An overflow carries into the millisecond.
	 */
	private static final class Generator {

		static final Generator INSTANCE = new Generator();

		private static final long RAND_B_MASK = 0x3FFFFFFFFFFFFFFFL;

		private final SecureRandom random = new SecureRandom();

		private long millis = -1;

		private long randA;

		private long randB;

		synchronized UUID next() {
			long now = System.currentTimeMillis();
			if (now > this.millis) {
				this.millis = now;
				this.randA = this.random.nextInt(0x800);
				this.randB = this.random.nextLong() & RAND_B_MASK;
			}
			else {
				increment(1 + (this.random.nextInt() & 0xFFFFFFFFL));
			}
			long most = (this.millis << 16) | 0x7000L | this.randA;
			long least = 0x8000000000000000L | this.randB;
			return new UUID(most, least);
		}

		private void increment(long step) {
			this.randB += step;
			if (this.randB > RAND_B_MASK) {
				this.randB &= RAND_B_MASK;
				this.randA++;
				if (this.randA > 0xFFF) {
					this.randA = 0;
					this.millis++;
				}
			}
		}

	}

}
