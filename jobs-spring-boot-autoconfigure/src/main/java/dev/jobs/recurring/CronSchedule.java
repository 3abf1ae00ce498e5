package dev.jobs.recurring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

import com.cronutils.model.Cron;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.model.time.generator.FieldValueGenerator;
import com.cronutils.model.time.generator.FieldValueGeneratorFactory;
import org.jspecify.annotations.Nullable;

import dev.jobs.CronDialect;

/**
 * A schedule given by a cron expression, evaluated on the wall clock of a time zone.
 * <p>
 * cron-utils only finds the next local date-time that matches the expression, on a clock
 * without daylight saving changes (UTC). This class turns local date-times into instants
 * itself, because cron-utils' own zone handling drops the occurrences that fall in a
 * spring-forward gap (a daily 02:30 in Europe/Paris does not run at all on the day the
 * clocks go forward). The daylight saving policy depends on what the expression
 * describes:
 * <ul>
 * <li><b>Times of day</b> (the hour field leaves out some hours: {@code 30 2 * * *},
 * {@code 0 0 * * *}, <code>0 *&#47;6 * * *</code>): each matching local date-time is one
 * occurrence and runs exactly once. In a spring-forward gap, an occurrence whose local
 * time does not exist runs at the first instant after the gap (a daily 02:30 in
 * Europe/Paris runs at 03:00 on 2026-03-29); several such occurrences, or one that lands
 * on an existing occurrence, run once. In a fall-back overlap, an occurrence whose local
 * time happens twice runs at the first of the two instants only.</li>
 * <li><b>Every hour</b> (the hour field matches all 24 hours: {@code 0 * * * *},
 * <code>*&#47;5 * * * *</code>, <code>*&#47;10 * * * * *</code>): the expression
 * describes a cadence, not a time of day, so it runs at every real instant whose local
 * time matches, once each. Local times inside a gap do not exist and do not run (an
 * hourly job runs at 01:00 then 03:00 local, one real hour apart); local times inside an
 * overlap exist twice and run at both instants (an hourly job runs at 02:00 summer time,
 * then 02:00 winter time, one real hour apart). Across whole-hour changes the job keeps
 * its real-time cadence: no real hour is left without its runs, and none gets them
 * twice.</li>
 * </ul>
 * Either way, no instant is ever returned twice, and {@link #next(Instant)} always moves
 * forward, which the once-per-occurrence guarantee relies on.
 */
public final class CronSchedule implements Schedule {

	private static final int HOURS_PER_DAY = 24;

	private final String text;

	private final CronDialect dialect;

	private final ZoneId zone;

	private final ZoneRules rules;

	private final ExecutionTime executionTime;

	private final boolean everyHour;

	CronSchedule(String text, CronDialect dialect, Cron cron, ZoneId zone) {
		this.text = text;
		this.dialect = dialect;
		this.zone = zone;
		this.rules = zone.getRules();
		this.executionTime = ExecutionTime.forCron(cron);
		this.everyHour = matchesEveryHour(cron);
	}

	private static boolean matchesEveryHour(Cron cron) {
		FieldValueGenerator hours = FieldValueGeneratorFactory.forCronField(cron.retrieve(CronFieldName.HOUR));
		for (int hour = 0; hour < HOURS_PER_DAY; hour++) {
			if (!hours.isMatch(hour)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public @Nullable Instant next(Instant after) {
		return (this.everyHour) ? nextRealInstant(after) : nextLocalOccurrence(after);
	}

	@Override
	public @Nullable Instant firstAfter(Instant start) {
		return next(start);
	}

	@Override
	public CronSchedule continuing(Instant occurrence) {
		return this;
	}

	private @Nullable Instant nextLocalOccurrence(Instant after) {
		LocalDateTime local = LocalDateTime.ofInstant(after, this.zone);
		while (true) {
			LocalDateTime candidate = nextLocal(local);
			if (candidate == null) {
				return null;
			}
			ZoneOffsetTransition transition = this.rules.getTransition(candidate);
			if (transition == null) {
				Instant instant = candidate.toInstant(this.rules.getOffset(candidate));
				if (instant.isAfter(after)) {
					return instant;
				}
				local = candidate;
			}
			else if (transition.isGap()) {
				if (transition.getInstant().isAfter(after)) {
					return transition.getInstant();
				}
				local = candidate;
			}
			else {
				Instant first = candidate.toInstant(transition.getOffsetBefore());
				if (first.isAfter(after)) {
					return first;
				}
				// Every local time of the overlap ran at its first instant, already past
				local = maxOf(candidate, transition.getDateTimeBefore().minusNanos(1));
			}
		}
	}

	private @Nullable Instant nextRealInstant(Instant after) {
		Instant segmentStart = after;
		boolean inclusive = false;
		while (true) {
			ZoneOffset offset = this.rules.getOffset(segmentStart);
			ZoneOffsetTransition transition = this.rules.nextTransition(segmentStart);
			LocalDateTime from = LocalDateTime.ofInstant(segmentStart, offset);
			LocalDateTime candidate = nextLocal((inclusive) ? from.minusNanos(1) : from);
			if (candidate == null) {
				return null;
			}
			Instant instant = candidate.toInstant(offset);
			if (transition == null || instant.isBefore(transition.getInstant())) {
				return instant;
			}
			segmentStart = transition.getInstant();
			inclusive = true;
		}
	}

	private @Nullable LocalDateTime nextLocal(LocalDateTime after) {
		ZonedDateTime from = after.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
		return this.executionTime.nextExecution(from).map(ZonedDateTime::toLocalDateTime).orElse(null);
	}

	private static LocalDateTime maxOf(LocalDateTime first, LocalDateTime second) {
		return (first.isAfter(second)) ? first : second;
	}

	/**
	 * The dialect the expression was read in.
	 * @return the dialect
	 */
	public CronDialect dialect() {
		return this.dialect;
	}

	@Override
	public Kind kind() {
		return Kind.CRON;
	}

	@Override
	public String text() {
		return this.text;
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof CronSchedule that && this.text.equals(that.text) && this.dialect == that.dialect
				&& this.zone.equals(that.zone);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.text, this.dialect, this.zone);
	}

	@Override
	public String toString() {
		return "cron '" + this.text + "' (" + this.dialect + ") in " + this.zone;
	}

}
