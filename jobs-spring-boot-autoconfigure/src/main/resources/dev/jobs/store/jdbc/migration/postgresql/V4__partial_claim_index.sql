-- Jobs starter schema, version 4, for PostgreSQL: the claim index holds pending jobs
-- only, in claim order. It stays as small as the backlog however many finished jobs the
-- table keeps, a job that leaves PENDING adds no entry to it, and the planner picks it
-- for the claim even before the table has statistics.

DROP INDEX ${prefix}job_claim_idx;
CREATE INDEX ${prefix}job_claim_idx ON ${prefix}job (priority, run_at) WHERE status = 'PENDING';
