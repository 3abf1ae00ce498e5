package dev.jobs.web;

/**
 * The CSRF token a client sends with its writes, as {@code GET /me} reports it.
 *
 * @param headerName the header to send it in
 * @param token the token
 */
record CsrfView(String headerName, String token) implements ConsoleJson {

}
