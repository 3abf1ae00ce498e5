-- Jobs starter schema, version 6, for PostgreSQL.
--
-- The claim order ends with the id, so that jobs of equal priority and due time (the
-- jobs of one enqueueAll) are claimed in the order they were enqueued: ids made by one
-- node increase strictly. The claim index carries that order.
DROP INDEX ${prefix}job_claim_idx;
CREATE INDEX ${prefix}job_claim_idx ON ${prefix}job (priority, run_at, id) WHERE status = 'PENDING';

-- Who paused a recurring job: 'CONFIGURATION' (jobs.recurring.<name>.enabled=false),
-- 'UNDECLARED' (its annotation or configuration is gone) or 'API'; NULL while it runs.
-- A pause of configuration or declaration is undone by them; one of the API only by the
-- API. Who paused the jobs paused before this version is not known: they stay paused.
ALTER TABLE ${prefix}recurring_job ADD COLUMN paused_by VARCHAR(16);
UPDATE ${prefix}recurring_job SET paused_by = 'API' WHERE paused = TRUE;
