-- db-scheduler's table for H2. db-scheduler publishes no H2 file; this is its HSQLDB DDL
-- (kagkarlsson/db-scheduler, db-scheduler/src/test/resources/hsql_tables.sql, which H2 accepts)
-- with the name ${table} instead of scheduled_tasks, plus the indexes of its PostgreSQL file.
create table ${table} (
  task_name varchar(100),
  task_instance varchar(100),
  task_data blob,
  execution_time timestamp with time zone,
  picked bit,
  picked_by varchar(50),
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint,
  priority smallint,
  primary key (task_name, task_instance)
);
create index ${table}_execution_time_idx on ${table} (execution_time);
create index ${table}_last_heartbeat_idx on ${table} (last_heartbeat);
create index ${table}_priority_execution_time_idx on ${table} (priority desc, execution_time asc);
