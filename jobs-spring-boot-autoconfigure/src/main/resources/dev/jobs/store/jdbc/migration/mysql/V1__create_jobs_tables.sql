-- Jobs starter schema, version 1, for MySQL 8 and MariaDB 10.6+.
-- ${prefix} is the table prefix (jobs.schema.table-prefix, default jobs_).
-- Instants are DATETIME(6) holding UTC; TIMESTAMP is avoided for its session time zone
-- conversion, its 2038 limit and its automatic update on some servers.

CREATE TABLE ${prefix}job (
    id                   CHAR(36)     CHARACTER SET ascii NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    queue                VARCHAR(100) NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    priority             SMALLINT     NOT NULL,
    payload              LONGTEXT,
    result               LONGTEXT,
    error                MEDIUMTEXT,
    unique_key           VARCHAR(200),
    active_key           VARCHAR(200),
    attempts             INTEGER      NOT NULL,
    max_attempts         INTEGER      NOT NULL,
    fence                BIGINT       NOT NULL,
    timeout_ms           BIGINT       NOT NULL,
    backoff_delay_ms     BIGINT       NOT NULL,
    backoff_multiplier   DOUBLE       NOT NULL,
    backoff_max_delay_ms BIGINT       NOT NULL,
    backoff_jitter       DOUBLE       NOT NULL,
    progress             SMALLINT     NOT NULL,
    owner                VARCHAR(200),
    cancel_requested     BOOLEAN      NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    run_at               DATETIME(6)  NOT NULL,
    started_at           DATETIME(6)  NULL,
    finished_at          DATETIME(6)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE UNIQUE INDEX ${prefix}job_active_key_uk ON ${prefix}job (active_key);
CREATE INDEX ${prefix}job_claim_idx ON ${prefix}job (status, priority, run_at);
CREATE INDEX ${prefix}job_owner_idx ON ${prefix}job (owner);
CREATE INDEX ${prefix}job_name_created_idx ON ${prefix}job (name, created_at);
CREATE INDEX ${prefix}job_created_idx ON ${prefix}job (created_at);
CREATE INDEX ${prefix}job_finished_idx ON ${prefix}job (status, finished_at);

CREATE TABLE ${prefix}job_execution (
    job_id      CHAR(36)     CHARACTER SET ascii NOT NULL,
    seq         BIGINT       NOT NULL,
    attempt     INTEGER      NOT NULL,
    node        VARCHAR(200) NOT NULL,
    started_at  DATETIME(6)  NOT NULL,
    finished_at DATETIME(6)  NOT NULL,
    duration_ms BIGINT       NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    error       MEDIUMTEXT,
    PRIMARY KEY (job_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}node (
    name         VARCHAR(200) NOT NULL,
    started_at   DATETIME(6)  NOT NULL,
    heartbeat_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
