package dev.jobs.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells the store failures worth trying again, because the same work may succeed a moment
 * later, from those where the database rejected the work itself. Each transient failure
 * has a reason, the tag of the {@code jobs.store.retries} meter.
 */
public final class StoreFailures {

	/**
	 * A deadlock ended the work.
	 */
	public static final String DEADLOCK = "deadlock";

	/**
	 * A lock wait timed out.
	 */
	public static final String LOCK_WAIT = "lock-wait";

	/**
	 * The connection failed or could not be had: the database or the network is down, the
	 * pool gave no connection in time, or a commit's outcome was lost.
	 */
	public static final String CONNECTION = "connection";

	private StoreFailures() {
	}

	/**
	 * Why a failure is transient.
	 * @param failure what the store threw
	 * @return {@link #DEADLOCK}, {@link #LOCK_WAIT} or {@link #CONNECTION}, or
	 * {@code null} if the database rejected the work itself, which would fail again
	 */
	public static @Nullable String transientReason(Throwable failure) {
		if (failure instanceof TransactionSystemException rollbackFailure
				&& rollbackFailure.getApplicationException() != null) {
			// the rollback failed because the work's failure broke the connection
			return transientReason(rollbackFailure.getApplicationException());
		}
		if (isTooLarge(failure)) {
			return null;
		}
		String lockReason = lockReason(failure);
		if (lockReason != null) {
			return lockReason;
		}
		if (failure instanceof TransactionException || failure instanceof TransientDataAccessException
				|| failure instanceof RecoverableDataAccessException
				|| failure instanceof DataAccessResourceFailureException) {
			return CONNECTION;
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLNonTransientConnectionException || (cause instanceof SQLException sql
							&& sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return CONNECTION;
			}
		}
		return null;
	}

	/**
	 * Whether the work was refused for its size: MySQL and MariaDB drop the connection of
	 * a statement larger than {@code max_allowed_packet}, which the same statement would
	 * meet again.
	 */
	private static boolean isTooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = cause.getMessage();
			if ((cause instanceof SQLException sql && sql.getErrorCode() == 1153) || (message != null
					&& (message.contains("max_allowed_packet") || message.contains("Packet for query is too large")))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Why a lock failure ended the work, if one did.
	 * @param failure what the store threw
	 * @return {@link #DEADLOCK} or {@link #LOCK_WAIT}, or {@code null} if it was no lock
	 * failure
	 */
	public static @Nullable String lockReason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql) {
				// MySQL and MariaDB 1213, PostgreSQL 40P01, H2 40001: deadlock
				if (sql.getErrorCode() == 1213 || "40P01".equals(sql.getSQLState())
						|| "40001".equals(sql.getSQLState())) {
					return DEADLOCK;
				}
				// MySQL and MariaDB 1205, PostgreSQL 55P03, H2 50200: lock wait timed out
				if (sql.getErrorCode() == 1205 || "55P03".equals(sql.getSQLState()) || sql.getErrorCode() == 50200) {
					return LOCK_WAIT;
				}
			}
		}
		return (failure instanceof PessimisticLockingFailureException) ? LOCK_WAIT : null;
	}

}
