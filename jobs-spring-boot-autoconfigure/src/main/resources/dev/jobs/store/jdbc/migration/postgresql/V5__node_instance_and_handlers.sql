-- Jobs starter schema, version 5, for PostgreSQL: each node row records the random token
-- of the process that holds the name (instance), so that a second process started with the
-- same jobs.node-name is refused, and the job names the node has handlers for (handlers,
-- one per line), so that a job no live node handles is reported. Rows of older versions
-- keep NULL in both.
ALTER TABLE ${prefix}node ADD COLUMN instance VARCHAR(36);
ALTER TABLE ${prefix}node ADD COLUMN handlers TEXT;
