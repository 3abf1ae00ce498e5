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

	private static final SecureRandom random = new SecureRandom();

	/**
	 * Create a job id.
	 * @param value the UUID
	 */
	public JobId {
		Assert.notNull(value, "Job id value must not be null");
	}

	/**
	 * A new time-ordered id.
	 * @return a new id whose first 48 bits are the current Unix time in milliseconds
	 */
	public static JobId next() {
		long millis = System.currentTimeMillis();
		long randomHigh = random.nextLong();
		long randomLow = random.nextLong();
		long most = (millis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
		long least = (randomLow & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new JobId(new UUID(most, least));
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

}
