package dev.jobs;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One line a handler logged through {@link JobContext#log()}, as kept with its job. A job
 * keeps at most {@code jobs.history.max-log-lines} lines; an attempt that logged more
 * leaves one extra line of level {@value #DROPPED} whose message says how many lines were
 * not kept.
 *
 * @param attempt the attempt that logged it, counted from 1
 * @param loggedAt when it was logged, by the clock of the node that ran the attempt
 * @param level the level: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN},
 * {@code ERROR}, or {@value #DROPPED} for the marker of lines that were not kept
 * @param message the formatted message, with a summary of the exception if one was
 * logged; at most 4000 characters, longer ones are cut
 * @since 0.1.0
 */
public record JobLogLine(int attempt, Instant loggedAt, String level, String message) {

	/**
	 * The level of the line that counts the lines of an attempt that were not kept.
	 */
	public static final String DROPPED = "DROPPED";

	/**
	 * Whether this line is the marker of lines that were not kept.
	 * @return {@code true} for the marker
	 */
	@JsonIgnore
	public boolean isDroppedMarker() {
		return DROPPED.equals(this.level);
	}

}
