package dev.jobs.worker;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LocationAwareLogger;

/**
 * The logger of {@code JobContext.log()}: passes each line to the application's logger of
 * the job name and keeps it with the job. {@code INFO}, {@code WARN} and {@code ERROR}
 * lines are always kept; {@code DEBUG} and {@code TRACE} lines when the application's
 * logger enables them.
 */
final class JobLogger extends LegacyAbstractLogger {

	private static final long serialVersionUID = 1L;

	// the class whose frames precede the caller's in the stack of a logging call
	private static final String CALLER_BOUNDARY = AbstractLogger.class.getName();

	private final transient Logger delegate;

	private final transient AttemptLog attemptLog;

	JobLogger(Logger delegate, AttemptLog attemptLog) {
		this.name = delegate.getName();
		this.delegate = delegate;
		this.attemptLog = attemptLog;
	}

	@Override
	public boolean isTraceEnabled() {
		return this.delegate.isTraceEnabled();
	}

	@Override
	public boolean isDebugEnabled() {
		return this.delegate.isDebugEnabled();
	}

	@Override
	public boolean isInfoEnabled() {
		return true;
	}

	@Override
	public boolean isWarnEnabled() {
		return true;
	}

	@Override
	public boolean isErrorEnabled() {
		return true;
	}

	@Override
	protected String getFullyQualifiedCallerName() {
		return CALLER_BOUNDARY;
	}

	@Override
	protected void handleNormalizedLoggingCall(Level level, @Nullable Marker marker, @Nullable String messagePattern,
			Object @Nullable [] arguments, @Nullable Throwable throwable) {
		if (this.delegate.isEnabledForLevel(level)) {
			delegate(level, marker, messagePattern, arguments, throwable);
		}
		this.attemptLog.add(level.name(), MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
	}

	private void delegate(Level level, @Nullable Marker marker, @Nullable String messagePattern,
			Object @Nullable [] arguments, @Nullable Throwable throwable) {
		if (this.delegate instanceof LocationAwareLogger locationAware) {
			locationAware.log(marker, CALLER_BOUNDARY, level.toInt(), messagePattern, arguments, throwable);
			return;
		}
		this.delegate.atLevel(level)
			.setCause(throwable)
			.log(MessageFormatter.basicArrayFormat(messagePattern, arguments));
	}

}
