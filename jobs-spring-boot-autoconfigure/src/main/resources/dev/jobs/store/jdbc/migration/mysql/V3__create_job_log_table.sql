-- Jobs starter schema, version 3, for MySQL 8 and MariaDB 10.6+: the lines a handler logs
-- through JobContext.log(). At most jobs.history.max-log-lines lines per job, plus one marker
-- row (level DROPPED) per attempt that logged more. The primary key (job_id, seq) is the
-- index on the job id. logged_at is DATETIME(6) holding UTC, as in version 1.

CREATE TABLE ${prefix}job_log (
    job_id    CHAR(36)      CHARACTER SET ascii NOT NULL,
    seq       INTEGER       NOT NULL,
    attempt   INTEGER       NOT NULL,
    logged_at DATETIME(6)   NOT NULL,
    level     VARCHAR(8)    NOT NULL,
    message   VARCHAR(4000) NOT NULL,
    PRIMARY KEY (job_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
