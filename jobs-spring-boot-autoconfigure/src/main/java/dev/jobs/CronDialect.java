package dev.jobs;

/**
 * The cron dialects a recurring job's {@code cron} may be written in.
 * <p>
 * Without {@code jobs.defaults.recurring.cron-dialect} the dialect is told from the
 * expression:
 * <table>
 * <caption>How the dialect is detected</caption>
 * <tr>
 * <th>expression</th>
 * <th>dialect</th>
 * <th>example</th>
 * </tr>
 * <tr>
 * <td>a macro: {@code @hourly}, {@code @daily} (or {@code @midnight}), {@code @weekly},
 * {@code @monthly}, {@code @yearly} (or {@code @annually})</td>
 * <td>{@link #UNIX}</td>
 * <td>{@code @daily}</td>
 * </tr>
 * <tr>
 * <td>5 fields</td>
 * <td>{@link #UNIX}</td>
 * <td>{@code 0 9 * * 1}</td>
 * </tr>
 * <tr>
 * <td>6 fields</td>
 * <td>{@link #SPRING}</td>
 * <td><code>*&#47;10 * * * * *</code></td>
 * </tr>
 * <tr>
 * <td>6 fields with {@code ?}, or {@code L}, {@code W} or {@code #} in a day field</td>
 * <td>{@link #QUARTZ}, or {@link #SPRING} if Quartz rejects it</td>
 * <td>{@code 0 0 12 ? * MON-FRI}</td>
 * </tr>
 * <tr>
 * <td>7 fields</td>
 * <td>{@link #QUARTZ}</td>
 * <td>{@code 0 0 12 ? * MON-FRI 2027}</td>
 * </tr>
 * </table>
 * Spring and Quartz disagree on day-of-week numbers: Spring counts like Unix ({@code 0}
 * or {@code 7} is Sunday, {@code 1} Monday), Quartz from {@code 1} for Sunday. Day names
 * ({@code MON}) mean the same in both. Setting
 * {@code jobs.defaults.recurring.cron-dialect} decides how 6-field expressions are read;
 * macros and 5-field expressions are always Unix, since no other dialect has 5 fields.
 *
 * @since 0.1.0
 */
public enum CronDialect {

	/**
	 * Unix cron: {@code minute hour day-of-month month day-of-week}. When both day fields
	 * are restricted, a day matching either runs, as in Vixie cron.
	 */
	UNIX,

	/**
	 * Spring's {@code CronExpression}: {@code second minute hour day-of-month month
	 * day-of-week}, with {@code L}, {@code W}, {@code #} and {@code ?} as in Spring
	 * Framework 5.3 and later.
	 */
	SPRING,

	/**
	 * Quartz's {@code CronTrigger}: {@code second minute hour day-of-month month
	 * day-of-week [year]}, with {@code ?} in one of the day fields, and {@code L},
	 * {@code W} and {@code #}.
	 */
	QUARTZ

}
