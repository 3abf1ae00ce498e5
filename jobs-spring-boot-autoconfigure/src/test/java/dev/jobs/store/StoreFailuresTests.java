package dev.jobs.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which store failures are transient, and why, as the drivers and Spring report them.
 */
class StoreFailuresTests {

	@Test
	void deadlocksAndLockWaitsOfEachDatabase() {
		assertThat(StoreFailures.transientReason(new PessimisticLockingFailureException("deadlock",
				new SQLException("Deadlock found when trying to get lock", "40001", 1213))))
			.isEqualTo(StoreFailures.DEADLOCK);
		assertThat(StoreFailures.transientReason(
				new PessimisticLockingFailureException("deadlock", new SQLException("deadlock detected", "40P01"))))
			.isEqualTo(StoreFailures.DEADLOCK);
		assertThat(StoreFailures.transientReason(new CannotAcquireLockException("lock wait",
				new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
			.isEqualTo(StoreFailures.LOCK_WAIT);
		assertThat(StoreFailures.transientReason(new CannotAcquireLockException("lock wait",
				new SQLException("Timeout trying to lock table", "HYT00", 50200))))
			.isEqualTo(StoreFailures.LOCK_WAIT);
	}

	@Test
	void connectionsThatFailOrCannotBeHad() {
		assertThat(StoreFailures.transientReason(new CannotCreateTransactionException("Could not open JDBC Connection",
				new SQLTransientConnectionException("pool timed out"))))
			.isEqualTo(StoreFailures.CONNECTION);
		assertThat(StoreFailures.transientReason(new TransactionSystemException("JDBC commit failed")))
			.isEqualTo(StoreFailures.CONNECTION);
		assertThat(StoreFailures.transientReason(new DataAccessResourceFailureException("I/O error")))
			.isEqualTo(StoreFailures.CONNECTION);
		assertThat(StoreFailures.transientReason(new UncategorizedSQLException("update", "UPDATE",
				new SQLException("This connection has been closed.", "08003"))))
			.isEqualTo(StoreFailures.CONNECTION);
	}

	@Test
	void workTheDatabaseRejectsIsNotTransient() {
		assertThat(StoreFailures.transientReason(new DataIntegrityViolationException("invalid byte sequence",
				new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))
			.isNull();
		SQLNonTransientConnectionException tooLarge = new SQLNonTransientConnectionException(
				"(conn=939) Got a packet bigger than 'max_allowed_packet' bytes", "08S01", 1153);
		assertThat(StoreFailures.transientReason(new UncategorizedSQLException("update", "UPDATE", tooLarge))).isNull();
		TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed");
		rollbackFailed.initApplicationException(new UncategorizedSQLException("update", "UPDATE", tooLarge));
		assertThat(StoreFailures.transientReason(rollbackFailed)).isNull();
	}

}
