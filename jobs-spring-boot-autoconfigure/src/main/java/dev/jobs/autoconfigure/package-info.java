/**
 * Spring Boot auto-configuration of the jobs starter.
 */
@NullMarked
package dev.jobs.autoconfigure;

import org.jspecify.annotations.NullMarked;
