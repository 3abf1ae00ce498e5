package dev.jobs.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.InvalidJobStateException;
import dev.jobs.JobNotFoundException;
import dev.jobs.JobsException;
import dev.jobs.RecurringJobNotFoundException;

/**
 * Answers the errors of the console's controllers, and theirs only, as RFC 9457 problem
 * details: 400 naming the bad parameter or field, 401 and 403 for refused callers, 404
 * for an unknown job or recurring job, 409 for a job in the wrong state. Ordered first,
 * so that an application's own catch-all advice does not answer for the console.
 */
@RestControllerAdvice(assignableTypes = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleExceptionHandler {

	private static final Log logger = LogFactory.getLog(ConsoleExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Problem> refused(ConsoleRequestException ex, HttpServletRequest request) {
		return problem(ex.getStatus(), ex.getMessage(), request, ex.getField());
	}

	@ExceptionHandler({ JobNotFoundException.class, RecurringJobNotFoundException.class })
	ResponseEntity<Problem> notFound(JobsException ex, HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), request, null);
	}

	@ExceptionHandler
	ResponseEntity<Problem> conflict(InvalidJobStateException ex, HttpServletRequest request) {
		return problem(HttpStatus.CONFLICT, ex.getMessage(), request, null);
	}

	@ExceptionHandler
	ResponseEntity<Problem> invalid(InvalidJobRequestException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), request, null);
	}

	@ExceptionHandler
	ResponseEntity<Problem> badParameter(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid " + ex.getName() + " '" + ex.getValue() + "'", request,
				ex.getName());
	}

	@ExceptionHandler
	ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "Parameter '" + ex.getParameterName() + "' is required", request,
				ex.getParameterName());
	}

	@ExceptionHandler
	ResponseEntity<Problem> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			return problem(HttpStatus.BAD_REQUEST, "Invalid field '" + field + "': " + jackson.getOriginalMessage(),
					request, field);
		}
		return problem(HttpStatus.BAD_REQUEST, "The request body is missing or not JSON", request, null);
	}

	@ExceptionHandler
	ResponseEntity<Problem> failed(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse response) {
			String detail = response.getBody().getDetail();
			HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
			return problem(status, (detail != null) ? detail : status.getReasonPhrase(), request, null);
		}
		logger.error("Jobs console request " + request.getMethod() + " " + request.getRequestURI() + " failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed; the server log has the details", request,
				null);
	}

	private static ResponseEntity<Problem> problem(HttpStatus status, @Nullable String detail,
			HttpServletRequest request, @Nullable String field) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problem.of(status, (detail != null) ? detail : status.getReasonPhrase(), request.getRequestURI(),
					field));
	}

}
