-- Jobs starter schema, version 7, for MySQL 8 and MariaDB 10.6+.
--
-- The cluster-wide state of queues: a queue paused through Jobs.pauseQueue, the endpoint
-- or the console has a row with paused = TRUE, which every node reads once a poll
-- interval. Queues exist on demand: a queue without a row is not paused.
CREATE TABLE ${prefix}queue (
    name       VARCHAR(100) NOT NULL,
    paused     BOOLEAN      NOT NULL,
    changed_at DATETIME(6)  NOT NULL,
    CONSTRAINT ${prefix}queue_pk PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
