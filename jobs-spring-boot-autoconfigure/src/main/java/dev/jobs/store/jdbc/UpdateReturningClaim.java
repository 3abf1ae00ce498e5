package dev.jobs.store.jdbc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import dev.jobs.store.ClaimRequest;
import dev.jobs.store.ClaimedJob;

/**
 * The claim in one statement, where an update can return the rows it changed
 * (PostgreSQL): it runs the locking select of the ids to claim once, updates those rows
 * and returns them as they are after the claim, with the database's clock.
 */
final class UpdateReturningClaim implements ClaimStrategy {

	private final JdbcAccess access;

	private final ClaimStatements statements;

	UpdateReturningClaim(JdbcAccess access, ClaimStatements statements) {
		this.access = access;
		this.statements = statements;
	}

	@Override
	public List<ClaimedJob> claim(ClaimRequest request, MapSqlParameterSource parameters) {
		List<ClaimedJob> claimed = new ArrayList<>(this.access.named()
			.query(statement(request), parameters,
					JobRowMapper.claimedByUpdate(this.access.dialect(), request.owner())));
		claimed.sort(MOST_URGENT_FIRST);
		return claimed;
	}

	private String statement(ClaimRequest request) {
		String now = this.access.dialect().now();
		// ARRAY(...) is an init plan: the locking select runs once, before the update
		return "UPDATE " + this.access.tables().job() + " SET " + this.statements.claimAssignments(now, request.held())
				+ " WHERE id = ANY(ARRAY(" + this.statements.claimLockingSelect("id", now, request) + ")) RETURNING "
				+ JobColumns.CLAIMED + ", " + now + " AS claimed_at";
	}

}
