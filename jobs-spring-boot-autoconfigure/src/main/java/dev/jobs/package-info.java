/**
 * Public API of the jobs starter: the {@link dev.jobs.Jobs} bean, the handler annotations
 * and the value types applications code against.
 */
@NullMarked
package dev.jobs;

import org.jspecify.annotations.NullMarked;
