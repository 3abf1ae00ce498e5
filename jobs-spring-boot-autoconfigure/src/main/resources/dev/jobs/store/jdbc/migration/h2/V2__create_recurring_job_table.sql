-- Jobs starter schema, version 2, for H2: recurring job definitions.
-- Each occurrence of a recurring job is fired by the node that locks its row first, in the
-- transaction that enqueues the occurrence's job and advances next_run_at.

CREATE TABLE ${prefix}recurring_job (
    name             VARCHAR(150)             NOT NULL,
    handler          VARCHAR(200)             NOT NULL,
    schedule_type    VARCHAR(16)              NOT NULL,
    schedule         VARCHAR(200)             NOT NULL,
    zone             VARCHAR(64)              NOT NULL,
    payload          CHARACTER LARGE OBJECT,
    allow_concurrent BOOLEAN                  NOT NULL,
    misfire          VARCHAR(16)              NOT NULL,
    max_runs         INTEGER,
    end_at           TIMESTAMP WITH TIME ZONE,
    source           VARCHAR(16)              NOT NULL,
    paused           BOOLEAN                  NOT NULL,
    runs             BIGINT                   NOT NULL,
    skipped          BIGINT                   NOT NULL,
    next_run_at      TIMESTAMP WITH TIME ZONE,
    last_run_at      TIMESTAMP WITH TIME ZONE,
    last_job_id      UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}recurring_job_pk PRIMARY KEY (name)
);

CREATE INDEX ${prefix}recurring_job_due_idx ON ${prefix}recurring_job (paused, next_run_at);
