-- Jobs starter schema, version 7, for H2.
--
-- The cluster-wide state of queues: a queue paused through Jobs.pauseQueue, the endpoint
-- or the console has a row with paused = TRUE, which every node reads once a poll
-- interval. Queues exist on demand: a queue without a row is not paused.
CREATE TABLE ${prefix}queue (
    name       VARCHAR(100)             NOT NULL,
    paused     BOOLEAN                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ${prefix}queue_pk PRIMARY KEY (name)
);
