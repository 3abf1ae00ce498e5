package dev.jobs.web.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobNotFoundException;

/**
 * An application with a few handlers and a controller of its own, for the console's
 * tests.
 */
@SpringBootApplication
public class ConsoleTestApplication {

	/**
	 * The application's handlers.
	 */
	@org.springframework.stereotype.Component
	public static class Handlers {

		@JobHandler("greet")
		Map<String, String> greet(Map<String, String> payload, JobContext context) {
			context.log().info("greeting {}", payload.get("name"));
			context.progress(50);
			return Map.of("greeting", "hello " + payload.get("name"));
		}

		@JobHandler(value = "fail", maxAttempts = 1)
		void fail(Map<String, String> payload) {
			throw new IllegalStateException("boom " + payload.get("secret"));
		}

		@JobHandler("wait")
		void waitUntilCancelled(JobContext context) throws InterruptedException {
			Instant end = Instant.now().plusSeconds(30);
			while (!context.isCancelled() && Instant.now().isBefore(end)) {
				Thread.sleep(20);
			}
		}

		@JobHandler(value = "send-mail", queue = "outbox")
		String sendMail(Map<String, String> payload) {
			return "sent to " + payload.get("to");
		}

		@JobHandler("steps")
		String steps(Map<String, Integer> payload, JobContext context) throws InterruptedException {
			int steps = payload.get("steps");
			for (int i = 1; i <= steps; i++) {
				Thread.sleep(Duration.ofMillis(300).toMillis());
				context.log().info("step {} of {}", i, steps);
				context.progress(i * 100 / steps);
			}
			return "done";
		}

	}

	/**
	 * A controller of the application's own, which the console must leave alone.
	 */
	@RestController
	public static class AppController {

		@GetMapping("/app/view")
		AppView view() {
			return new AppView(Instant.parse("2026-01-31T08:00:00Z"), "app");
		}

		@GetMapping("/app/missing")
		AppView missing() {
			throw new JobNotFoundException(JobId.next());
		}

	}

	/**
	 * The application's own body.
	 *
	 * @param seenAt an instant
	 * @param displayName a name
	 */
	public record AppView(Instant seenAt, String displayName) {

	}

}
