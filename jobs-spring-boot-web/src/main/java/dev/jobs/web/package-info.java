/**
 * The operations console's JSON API, served on the application's own Spring MVC server
 * under {@code jobs.web.path}; only the auto-configuration, its properties and the
 * problem handler for an application's security chain are public.
 */
@NullMarked
package dev.jobs.web;

import org.jspecify.annotations.NullMarked;
