-- db-scheduler's table, as its README tells users to create it: the DDL published in its
-- repository, kagkarlsson/db-scheduler, db-scheduler/src/test/resources/postgresql_tables.sql
-- (the README links it). Only the name differs: ${table} instead of scheduled_tasks.
create table ${table} (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked boolean not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);
create index ${table}_execution_time_idx on ${table} (execution_time);
create index ${table}_last_heartbeat_idx on ${table} (last_heartbeat);
create index ${table}_priority_execution_time_idx on ${table} (priority desc, execution_time asc);
