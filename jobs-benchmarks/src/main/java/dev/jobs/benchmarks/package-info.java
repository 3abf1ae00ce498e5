/**
 * The benchmark matrix: this starter, db-scheduler, JobRunr and raw JDBC loops on H2,
 * PostgreSQL and MariaDB. Built and run only on demand ({@code -Pbenchmarks}).
 */
package dev.jobs.benchmarks;
