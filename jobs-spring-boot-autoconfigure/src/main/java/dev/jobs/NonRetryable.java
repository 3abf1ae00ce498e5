package dev.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an exception type whose throwing fails the job at once, whatever attempts it has
 * left. Subclasses inherit the mark.
 *
 * <pre class="code">
 * &#64;NonRetryable
 * class InvalidAddressException extends RuntimeException { ... }
 * </pre>
 *
 * Exceptions can also be named in {@link JobHandler#nonRetryable()} or in
 * {@code jobs.handlers.<name>.non-retryable}.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface NonRetryable {

}
