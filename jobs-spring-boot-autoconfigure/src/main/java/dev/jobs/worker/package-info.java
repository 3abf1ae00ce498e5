/**
 * The worker of the jobs starter: it polls and claims jobs, runs their attempts, keeps
 * their leases and writes their ends in groups.
 */
@NullMarked
package dev.jobs.worker;

import org.jspecify.annotations.NullMarked;
