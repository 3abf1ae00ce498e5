package dev.jobs.store.jdbc;

/**
 * The SQL of a multi-row {@code INSERT ... VALUES (...), (...)} of one table and row
 * shape, for up to {@link #MAX_ROWS} rows. The statement of a full chunk, the one a large
 * batch uses over and over, is built once.
 */
final class MultiRowStatement {

	static final int MAX_ROWS = 100;

	private final String head;

	private final String row;

	private final String full;

	/**
	 * Create the statements of a table and row shape.
	 * @param head the {@code INSERT INTO t (...) VALUES } part
	 * @param row one row's {@code (?, ?, ...)}
	 */
	MultiRowStatement(String head, String row) {
		this.head = head;
		this.row = row;
		this.full = build(MAX_ROWS);
	}

	/**
	 * The statement for a number of rows.
	 * @param rows how many rows, at most {@link #MAX_ROWS}
	 * @return the SQL
	 */
	String sql(int rows) {
		return (rows == MAX_ROWS) ? this.full : build(rows);
	}

	private String build(int rows) {
		StringBuilder sql = new StringBuilder(this.head.length() + rows * (this.row.length() + 2)).append(this.head);
		for (int i = 0; i < rows; i++) {
			sql.append((i > 0) ? ", " : "").append(this.row);
		}
		return sql.toString();
	}

}
