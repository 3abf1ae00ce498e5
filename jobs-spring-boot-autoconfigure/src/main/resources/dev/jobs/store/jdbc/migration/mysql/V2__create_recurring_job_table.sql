-- Jobs starter schema, version 2, for MySQL 8 and MariaDB 10.6+: recurring job definitions.
-- Each occurrence of a recurring job is fired by the node that locks its row first, in the
-- transaction that enqueues the occurrence's job and advances next_run_at.

CREATE TABLE ${prefix}recurring_job (
    name             VARCHAR(150) NOT NULL,
    handler          VARCHAR(200) NOT NULL,
    schedule_type    VARCHAR(16)  NOT NULL,
    schedule         VARCHAR(200) NOT NULL,
    zone             VARCHAR(64)  NOT NULL,
    payload          LONGTEXT,
    allow_concurrent BOOLEAN      NOT NULL,
    misfire          VARCHAR(16)  NOT NULL,
    max_runs         INTEGER,
    end_at           DATETIME(6)  NULL,
    source           VARCHAR(16)  NOT NULL,
    paused           BOOLEAN      NOT NULL,
    runs             BIGINT       NOT NULL,
    skipped          BIGINT       NOT NULL,
    next_run_at      DATETIME(6)  NULL,
    last_run_at      DATETIME(6)  NULL,
    last_job_id      CHAR(36)     CHARACTER SET ascii,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ${prefix}recurring_job_due_idx ON ${prefix}recurring_job (paused, next_run_at);
