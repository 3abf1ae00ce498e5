package dev.jobs.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A console request refused before it reached {@code Jobs}: a bad parameter or field
 * (400, naming it), an unauthenticated (401) or forbidden (403) caller, or too many event
 * streams (503).
 */
class ConsoleRequestException extends RuntimeException {

	private final HttpStatus status;

	private final @Nullable String field;

	ConsoleRequestException(HttpStatus status, @Nullable String field, String message) {
		super(message);
		this.status = status;
		this.field = field;
	}

	static ConsoleRequestException badRequest(String field, String message) {
		return new ConsoleRequestException(HttpStatus.BAD_REQUEST, field, message);
	}

	HttpStatus getStatus() {
		return this.status;
	}

	@Nullable String getField() {
		return this.field;
	}

}
