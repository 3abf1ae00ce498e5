package dev.jobs.recurring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import org.jspecify.annotations.Nullable;

import dev.jobs.CronDialect;

/**
 * Parses cron expressions with cron-utils, telling the dialect from the expression unless
 * one is forced.
 * <p>
 * Macros ({@code @hourly}, {@code @daily}, {@code @midnight}, {@code @weekly},
 * {@code @monthly}, {@code @yearly}, {@code @annually}, in any case) are replaced by
 * their Unix expressions. Then the number of fields decides: 5 is Unix; 6 is Spring
 * ({@link CronType#SPRING53}) unless it has a {@code ?} or an {@code L}, {@code W} or
 * {@code #} in a day field, which makes it Quartz, or Spring again if Quartz rejects it
 * (Spring accepts {@code 0 0 0 L * *}, which Quartz refuses because both day fields are
 * set); 7 is Quartz with a year. A forced dialect decides how 6- and 7-field expressions
 * are read; 5-field expressions and macros stay Unix, the only dialect they can be.
 * <p>
 * Every failure is an {@link dev.jobs.InvalidScheduleException} whose message quotes the
 * expression and names the recurring job.
 */
final class CronExpressions {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern DAY_NAMES = Pattern.compile("MON|TUE|WED|THU|FRI|SAT|SUN");

	private static final Map<String, String> MACROS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight",
			"0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually",
			"0 0 1 1 *");

	private static final String FIELD_COUNTS = "; expected 5 fields (Unix), 6 (Spring, or Quartz with ?, L, W or #),"
			+ " 7 (Quartz with a year) or a macro such as @daily";

	private CronExpressions() {
	}

	/**
	 * Parse a cron expression into a schedule.
	 * @param text the expression or macro as written
	 * @param zone the zone to evaluate it in
	 * @param forced the dialect to read 6- and 7-field expressions in, or {@code null} to
	 * tell it from the expression
	 * @param jobName the recurring job's name for error messages, or {@code null}
	 * @return the schedule
	 * @throws dev.jobs.InvalidScheduleException if the expression is not valid, or never
	 * matches
	 */
	public static CronSchedule parse(String text, ZoneId zone, @Nullable CronDialect forced, @Nullable String jobName) {
		String trimmed = text.trim();
		if (trimmed.isEmpty()) {
			throw ScheduleErrors.invalid("Cron expression must not be blank", jobName, text);
		}
		String expression = expand(trimmed, jobName);
		String[] fields = WHITESPACE.split(expression);
		String normalized = String.join(" ", fields);
		CronDialect dialect = dialect(fields, trimmed, forced, jobName);
		if (dialect == CronDialect.QUARTZ && forced == null && fields.length == 6
				&& !parses(normalized, CronDialect.QUARTZ) && parses(normalized, CronDialect.SPRING)) {
			dialect = CronDialect.SPRING;
		}
		return schedule(normalized, trimmed, dialect, zone, jobName);
	}

	private static CronSchedule schedule(String expression, String text, CronDialect dialect, ZoneId zone,
			@Nullable String jobName) {
		Cron cron = parse(expression, dialect, text, jobName);
		if (new CronSchedule(text, dialect, cron, ZoneOffset.UTC).next(Instant.EPOCH) == null) {
			throw ScheduleErrors.invalid("Cron expression '" + text + "' never matches a date", jobName, text);
		}
		return new CronSchedule(text, dialect, cron, zone);
	}

	private static String expand(String text, @Nullable String jobName) {
		if (!text.startsWith("@")) {
			return text;
		}
		String expression = MACROS.get(text.toLowerCase(Locale.ROOT));
		if (expression == null) {
			throw ScheduleErrors.invalid("Unknown cron macro '" + text + "'", jobName, text,
					"; supported: @hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually", null);
		}
		return expression;
	}

	private static CronDialect dialect(String[] fields, String text, @Nullable CronDialect forced,
			@Nullable String jobName) {
		CronDialect detected = switch (fields.length) {
			case 5 -> CronDialect.UNIX;
			case 6 ->
				(forced != null) ? forced : (hasQuartzDayFeature(fields) ? CronDialect.QUARTZ : CronDialect.SPRING);
			case 7 -> (forced != null) ? forced : CronDialect.QUARTZ;
			default -> throw ScheduleErrors.invalid("Unknown cron field count " + fields.length + " in '" + text + "'",
					jobName, text, FIELD_COUNTS, null);
		};
		if (forced != null && fields.length > 5 && !accepts(forced, fields.length)) {
			throw ScheduleErrors.invalid(
					"Cron expression '" + text + "' has " + fields.length + " fields, which the " + displayName(forced)
							+ " dialect forced by jobs.defaults.recurring.cron-dialect does not accept",
					jobName, text, FIELD_COUNTS, null);
		}
		return detected;
	}

	private static boolean accepts(CronDialect dialect, int fieldCount) {
		return switch (dialect) {
			case UNIX -> fieldCount == 5;
			case SPRING -> fieldCount == 6;
			case QUARTZ -> fieldCount == 6 || fieldCount == 7;
		};
	}

	private static boolean hasQuartzDayFeature(String[] fields) {
		String dayOfMonth = fields[3].toUpperCase(Locale.ROOT);
		String dayOfWeek = DAY_NAMES.matcher(fields[5].toUpperCase(Locale.ROOT)).replaceAll("");
		return String.join(" ", fields).contains("?") || dayOfMonth.contains("L") || dayOfMonth.contains("W")
				|| dayOfWeek.contains("L") || dayOfWeek.contains("#");
	}

	private static Cron parse(String expression, CronDialect dialect, String text, @Nullable String jobName) {
		try {
			return parser(dialect).parse(expression).validate();
		}
		catch (RuntimeException ex) {
			throw ScheduleErrors.invalid("Invalid " + displayName(dialect) + " cron expression '" + text + "'", jobName,
					text, ": " + ex.getMessage(), ex);
		}
	}

	private static boolean parses(String expression, CronDialect dialect) {
		try {
			parser(dialect).parse(expression).validate();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static CronParser parser(CronDialect dialect) {
		return new CronParser(CronDefinitionBuilder.instanceDefinitionFor(cronType(dialect)));
	}

	private static String displayName(CronDialect dialect) {
		return switch (dialect) {
			case UNIX -> "Unix";
			case SPRING -> "Spring";
			case QUARTZ -> "Quartz";
		};
	}

	private static CronType cronType(CronDialect dialect) {
		return switch (dialect) {
			case UNIX -> CronType.UNIX;
			case SPRING -> CronType.SPRING53;
			case QUARTZ -> CronType.QUARTZ;
		};
	}

}
