package dev.jobs.web;

/**
 * Marks the request and response bodies of the console: only these are read and written
 * by the {@link ConsoleJsonHttpMessageConverter}, so the application's own controllers
 * keep the application's converters.
 */
interface ConsoleJson {

}
