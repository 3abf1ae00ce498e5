-- Jobs starter schema, version 1, for H2.
-- ${prefix} is the table prefix (jobs.schema.table-prefix, default jobs_).

CREATE TABLE ${prefix}job (
    id                   UUID                     NOT NULL,
    name                 VARCHAR(200)             NOT NULL,
    queue                VARCHAR(100)             NOT NULL,
    status               VARCHAR(16)              NOT NULL,
    priority             SMALLINT                 NOT NULL,
    payload              CHARACTER LARGE OBJECT,
    result               CHARACTER LARGE OBJECT,
    error                CHARACTER LARGE OBJECT,
    unique_key           VARCHAR(200),
    active_key           VARCHAR(200),
    attempts             INTEGER                  NOT NULL,
    max_attempts         INTEGER                  NOT NULL,
    fence                BIGINT                   NOT NULL,
    timeout_ms           BIGINT                   NOT NULL,
    backoff_delay_ms     BIGINT                   NOT NULL,
    backoff_multiplier   DOUBLE PRECISION         NOT NULL,
    backoff_max_delay_ms BIGINT                   NOT NULL,
    backoff_jitter       DOUBLE PRECISION         NOT NULL,
    progress             SMALLINT                 NOT NULL,
    owner                VARCHAR(200),
    cancel_requested     BOOLEAN                  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    run_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ${prefix}job_pk PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ${prefix}job_active_key_uk ON ${prefix}job (active_key);
CREATE INDEX ${prefix}job_claim_idx ON ${prefix}job (status, priority, run_at);
CREATE INDEX ${prefix}job_owner_idx ON ${prefix}job (owner);
CREATE INDEX ${prefix}job_name_created_idx ON ${prefix}job (name, created_at);
CREATE INDEX ${prefix}job_created_idx ON ${prefix}job (created_at);
CREATE INDEX ${prefix}job_finished_idx ON ${prefix}job (status, finished_at);

CREATE TABLE ${prefix}job_execution (
    job_id      UUID                     NOT NULL,
    seq         BIGINT                   NOT NULL,
    attempt     INTEGER                  NOT NULL,
    node        VARCHAR(200)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms BIGINT                   NOT NULL,
    outcome     VARCHAR(16)              NOT NULL,
    error       CHARACTER LARGE OBJECT,
    CONSTRAINT ${prefix}job_execution_pk PRIMARY KEY (job_id, seq)
);

CREATE TABLE ${prefix}node (
    name         VARCHAR(200)             NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}node_pk PRIMARY KEY (name)
);
