package dev.jobs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem detail as the console writes it, with the bad parameter or field in
 * {@code field} when a request was refused because of one.
 *
 * @param type the problem type, {@code about:blank}
 * @param title the status's reason phrase
 * @param status the HTTP status
 * @param detail what was wrong
 * @param instance the request's path
 * @param field the bad parameter or field, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, @Nullable String instance,
		@Nullable String field) implements ConsoleJson {

	static Problem of(HttpStatus status, String detail, @Nullable String instance, @Nullable String field) {
		return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, instance, field);
	}

}
