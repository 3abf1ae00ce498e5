package dev.jobs.store.jdbc.postgresql;

import java.sql.PreparedStatement;

import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Binds many attempts to one statement as three PostgreSQL arrays, the jobs' ids
 * ({@code uuid[]}), the attempts' fencing tokens ({@code bigint[]}) and their owners
 * ({@code varchar[]}), in that order, for a statement that reads them with
 * {@code unnest}.
 */
public final class AttemptArrays {

	private AttemptArrays() {
	}

	/**
	 * The creator of a statement with the attempts bound to its three parameters.
	 * @param sql the statement
	 * @param ids the jobs' ids, as the dialect binds them
	 * @param fences the attempts' fencing tokens, in the order of the ids
	 * @param owners the attempts' owners, in the order of the ids
	 * @return the statement creator
	 */
	public static PreparedStatementCreator bind(String sql, Object[] ids, Long[] fences, String[] owners) {
		return (connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			statement.setArray(2, connection.createArrayOf("bigint", fences));
			statement.setArray(3, connection.createArrayOf("varchar", owners));
			return statement;
		};
	}

}
