package dev.jobs.web;

/**
 * Marks the console's controllers: the path prefix, the access checks and the error
 * handling of the console apply to these only.
 */
interface ConsoleController {

}
