-- Jobs starter schema, version 4, for PostgreSQL: partial indexes, so that each holds
-- only the rows it serves and an insert or a status change touches fewer of them.
--
-- The claim index holds pending jobs only, in claim order: it stays as small as the
-- backlog however many finished jobs the table keeps, and a job leaving PENDING adds no
-- entry to it. The owner index holds owned (running) jobs only, for rescue and cancel
-- checks; the finished index finished jobs only, for the history retention. Neither is
-- touched by an enqueue, and neither can lure the planner away from the claim index.

DROP INDEX ${prefix}job_claim_idx;
CREATE INDEX ${prefix}job_claim_idx ON ${prefix}job (priority, run_at) WHERE status = 'PENDING';

DROP INDEX ${prefix}job_owner_idx;
CREATE INDEX ${prefix}job_owner_idx ON ${prefix}job (owner) WHERE owner IS NOT NULL;

DROP INDEX ${prefix}job_finished_idx;
CREATE INDEX ${prefix}job_finished_idx ON ${prefix}job (status, finished_at) WHERE finished_at IS NOT NULL;

-- The unique index of active keys holds only jobs that have one; enqueues without a key
-- skip it. Inserts name it in ON CONFLICT (active_key) WHERE active_key IS NOT NULL.
DROP INDEX ${prefix}job_active_key_uk;
CREATE UNIQUE INDEX ${prefix}job_active_key_uk ON ${prefix}job (active_key) WHERE active_key IS NOT NULL;
