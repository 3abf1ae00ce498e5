-- Jobs starter schema, version 3, for H2: the lines a handler logs through JobContext.log().
-- At most jobs.history.max-log-lines lines per job, plus one marker row (level DROPPED) per
-- attempt that logged more. The primary key (job_id, seq) is the index on the job id.

CREATE TABLE ${prefix}job_log (
    job_id    UUID                     NOT NULL,
    seq       INTEGER                  NOT NULL,
    attempt   INTEGER                  NOT NULL,
    logged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    level     VARCHAR(8)               NOT NULL,
    message   VARCHAR(4000)            NOT NULL,
    CONSTRAINT ${prefix}job_log_pk PRIMARY KEY (job_id, seq)
);
