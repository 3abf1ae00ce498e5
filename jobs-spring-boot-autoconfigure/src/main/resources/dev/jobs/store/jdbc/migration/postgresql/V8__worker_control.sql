-- Jobs starter schema, version 8, for PostgreSQL.
--
-- Runner control across nodes (JobsOperations.startWorkers / stopWorkers): a node's row
-- records its concurrency and what was asked of its worker (worker_desired: 'RUNNING',
-- 'STOPPED', or NULL to follow the cluster); cluster_state holds the cluster-wide desired
-- state under the name 'workers', which nodes that start later honour too. Every node
-- reads both once a poll interval.
ALTER TABLE ${prefix}node ADD COLUMN concurrency INTEGER;
ALTER TABLE ${prefix}node ADD COLUMN worker_desired VARCHAR(16);

CREATE TABLE ${prefix}cluster_state (
    name       VARCHAR(100)             NOT NULL,
    setting    VARCHAR(200) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}cluster_state_pk PRIMARY KEY (name)
);
