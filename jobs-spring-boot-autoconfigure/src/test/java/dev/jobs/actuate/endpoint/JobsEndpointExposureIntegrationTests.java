package dev.jobs.actuate.endpoint;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.RecurringJob;
import dev.jobs.RecurringJobInfo;
import dev.jobs.worker.PollingJobWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code jobs} endpoint on a real server, reached with a real HTTP client, without
 * Spring Security, behind Boot's default security and behind a security filter chain of
 * the application's own: which request gets 200, 400, 401, 403, 404 or 405, what it
 * changes, which values are shown and what the audit log says.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobsEndpointExposureIntegrationTests {

	static final String NO_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	static final String H2 = "spring.datasource.url=jdbc:h2:mem:exposure-${random.uuid};DB_CLOSE_DELAY=-1";

	static final String[] SECRETS = { "payload-secret", "result-secret", "error-secret", "log-secret", "key-secret" };

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { NO_SECURITY, H2, "management.endpoints.web.exposure.include=*" })
	class WithoutSecurityExposedWithDefaultAccess extends Scenario {

		@Test
		void readsAnswerAndHideValues() {
			Fixture fixture = fixture();
			assertThat(get("/actuator/jobs", null).statusCode()).isEqualTo(200);
			HttpResponse<String> job = get("/actuator/jobs/" + fixture.failed(), null);
			assertThat(job.statusCode()).isEqualTo(200);
			assertThat(job.body()).contains("\"status\":\"FAILED\"", "\"error\":\"******\"", "\"payload\":\"******\"",
					"\"message\":\"******\"");
			assertThat(get("/actuator/jobs/" + fixture.completed(), null).body()).contains("\"result\":\"******\"",
					"\"uniqueKey\":\"******\"");
			assertThat(get("/actuator/jobs/" + JobId.next(), null).statusCode()).isEqualTo(404);
			HttpResponse<String> notAnId = get("/actuator/jobs/not-a-uuid", null);
			assertThat(notAnId.statusCode()).isEqualTo(400);
			assertThat(notAnId.body()).contains("not-a-uuid");
			assertNoSecretIn(this.bodies);
		}

		@Test
		void writesDoNotExist(CapturedOutput output) {
			Fixture fixture = fixture();
			// a GET shares the path of a job's writes, so Spring MVC answers 405 there
			assertEveryWriteAnswers(fixture, null, 405, 404);
			assertThat(output).doesNotContain("Jobs endpoint:");
			assertNoSecretIn(this.bodies);
		}

	}

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { NO_SECURITY, H2, "management.endpoints.web.exposure.include=health" })
	class WithoutSecurityNotExposed extends Scenario {

		@Test
		void endpointIsNotFound() {
			Fixture fixture = fixture();
			assertThat(get("/actuator/jobs", null).statusCode()).isEqualTo(404);
			assertThat(get("/actuator/jobs/" + fixture.failed(), null).statusCode()).isEqualTo(404);
			assertEveryWriteAnswers(fixture, null, 404, 404);
			assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
			assertNoSecretIn(this.bodies);
		}

	}

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { NO_SECURITY, H2, "management.endpoints.web.exposure.include=jobs",
					"management.endpoint.jobs.access=unrestricted", "logging.level.dev.jobs.audit=INFO" })
	class WithoutSecurityUnrestricted extends Scenario {

		@Test
		void writesAnswerAndAreAudited(CapturedOutput output) {
			Fixture fixture = fixture();
			HttpResponse<String> cancel = post("/actuator/jobs/" + fixture.scheduled(), "cancel", null);
			assertThat(cancel.statusCode()).isEqualTo(200);
			assertThat(cancel.body()).contains("\"done\":true");
			assertThat(this.jobs.get(fixture.scheduled()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
			assertThat(output)
				.contains("Jobs endpoint: cancel of job " + fixture.scheduled() + " by no principal: done");
			assertThat(post("/actuator/jobs/" + fixture.failed(), "retry", null).statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.jobs.history(fixture.failed())).hasSize(2));
			assertThat(post("/actuator/jobs/" + JobId.next(), "cancel", null).statusCode()).isEqualTo(404);
			assertThat(post("/actuator/jobs/recurring/nightly", "pause", null).statusCode()).isEqualTo(200);
			assertThat(nightly().paused()).isTrue();
			assertThat(post("/actuator/jobs/recurring/nightly", "resume", null).statusCode()).isEqualTo(200);
			assertThat(post("/actuator/jobs/recurring/no-such-job", "trigger", null).statusCode()).isEqualTo(404);
			assertThat(output).contains("Jobs endpoint: trigger of recurring no-such-job by no principal: not found");
			assertThat(post("/actuator/jobs/queues/mail", "pause", null).statusCode()).isEqualTo(200);
			assertThat(post("/actuator/jobs/queues/mail", "resume", null).statusCode()).isEqualTo(200);
			assertNoSecretIn(this.bodies);
		}

		@Test
		void unknownOrMissingActionIsABadRequestListingTheValidOnes(CapturedOutput output) {
			Fixture fixture = fixture();
			HttpResponse<String> unknown = post("/actuator/jobs/" + fixture.scheduled(), "delete", null);
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(unknown.body()).contains("Unknown action 'delete': expected one of cancel, retry",
					"\"validActions\":[\"cancel\",\"retry\"]");
			HttpResponse<String> missing = send(
					request("/actuator/jobs/recurring/nightly", null).POST(HttpRequest.BodyPublishers.ofString("{}"))
						.header("Content-Type", "application/json"));
			assertThat(missing.statusCode()).isEqualTo(400);
			assertThat(missing.body()).contains("No action given: expected one of trigger, pause, resume");
			HttpResponse<String> badQueue = post("/actuator/jobs/queues/mail%20", "pause", null);
			assertThat(badQueue.statusCode()).isEqualTo(400);
			assertThat(badQueue.body()).contains("Queue name must not start or end with white space");
			HttpResponse<String> queue = post("/actuator/jobs/queues/mail", "trigger", null);
			assertThat(queue.statusCode()).isEqualTo(400);
			assertThat(queue.body()).contains("\"validActions\":[\"pause\",\"resume\"]");
			assertThat(this.jobs.get(fixture.scheduled()).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
			assertThat(output).contains("Jobs endpoint: delete of job " + fixture.scheduled()
					+ " by no principal: refused: Unknown action 'delete'");
			assertNoSecretIn(this.bodies);
		}

	}

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { H2, "management.endpoints.web.exposure.include=*",
					"management.endpoint.jobs.access=unrestricted", "spring.security.user.name=admin",
					"spring.security.user.password=s3cret", "logging.level.dev.jobs.audit=INFO" })
	class BootDefaultSecurity extends Scenario {

		@Test
		void anonymousRequestsAreUnauthorized() {
			Fixture fixture = fixture();
			assertThat(get("/actuator/jobs", null).statusCode()).isEqualTo(401);
			assertThat(get("/actuator/jobs/" + fixture.failed(), null).statusCode()).isEqualTo(401);
			assertEveryWriteAnswers(fixture, null, 401, 401);
			assertThat(get("/actuator/jobs", "admin:wrong").statusCode()).isEqualTo(401);
			assertNoSecretIn(this.bodies);
		}

		@Test
		void authenticatedReadsHideValues() {
			Fixture fixture = fixture();
			assertThat(get("/actuator/jobs", "admin:s3cret").statusCode()).isEqualTo(200);
			HttpResponse<String> job = get("/actuator/jobs/" + fixture.failed(), "admin:s3cret");
			assertThat(job.statusCode()).isEqualTo(200);
			assertThat(job.body()).contains("\"error\":\"******\"");
			assertThat(get("/actuator/jobs/" + fixture.completed(), "admin:s3cret").statusCode()).isEqualTo(200);
			assertThat(get("/actuator/jobs/" + JobId.next(), "admin:s3cret").statusCode()).isEqualTo(404);
			assertNoSecretIn(this.bodies);
		}

		@Test
		void writeWithBasicCredentialsAndNoCsrfTokenIsUnauthorized(CapturedOutput output) {
			// Spring Security checks the CSRF token before it reads basic credentials, so
			// the request is refused as an anonymous one
			Fixture fixture = fixture();
			assertEveryWriteAnswers(fixture, "admin:s3cret", 401, 401);
			assertThat(output).doesNotContain("Jobs endpoint:");
			assertNoSecretIn(this.bodies);
		}

		@Test
		void writeFromASessionWithoutCsrfTokenIsForbidden(CapturedOutput output) throws Exception {
			Fixture fixture = fixture();
			HttpClient browser = loggedIn();
			HttpResponse<String> cancel = browser.send(request("/actuator/jobs/" + fixture.scheduled(), null)
				.POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"cancel\"}"))
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(cancel.statusCode()).isEqualTo(403);
			assertThat(cancel.body()).doesNotContain(SECRETS);
			assertThat(this.jobs.get(fixture.scheduled()).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
			assertThat(output).doesNotContain("Jobs endpoint:");
		}

		@Test
		void writeFromASessionWithCsrfTokenIsDoneAndAudited(CapturedOutput output) throws Exception {
			Fixture fixture = fixture();
			HttpClient browser = loggedIn();
			HttpResponse<String> cancel = browser.send(request("/actuator/jobs/" + fixture.scheduled(), null)
				.POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"cancel\"}"))
				.header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", csrfToken(browser))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(cancel.statusCode()).isEqualTo(200);
			assertThat(this.jobs.get(fixture.scheduled()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
			assertThat(output).contains("Jobs endpoint: cancel of job " + fixture.scheduled() + " by 'admin': done");
		}

		private HttpClient loggedIn() throws Exception {
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String form = "username=admin&password=s3cret&_csrf=" + csrfToken(browser);
			HttpResponse<String> login = browser
				.send(request("/login", null).POST(HttpRequest.BodyPublishers.ofString(form))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location"))
				.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
			return browser;
		}

		private String csrfToken(HttpClient browser) throws Exception {
			HttpResponse<String> page = browser.send(request("/login", null).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(token.find()).as("CSRF token in %s", page.body()).isTrue();
			return token.group(1);
		}

	}

	@Nested
	@SpringBootTest(classes = { App.class, CustomSecurity.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { H2, "management.endpoints.web.exposure.include=*",
					"management.endpoint.jobs.access=unrestricted",
					"management.endpoint.jobs.show-values=when-authorized", "management.endpoint.jobs.roles=OPS",
					"logging.level.dev.jobs.audit=INFO" })
	class CustomSecurityChain extends Scenario {

		@Test
		void anonymousRequestsAreUnauthorized() {
			Fixture fixture = fixture();
			assertThat(get("/actuator/jobs", null).statusCode()).isEqualTo(401);
			assertThat(get("/actuator/jobs/" + fixture.failed(), null).statusCode()).isEqualTo(401);
			assertEveryWriteAnswers(fixture, null, 401, 401);
			assertNoSecretIn(this.bodies);
		}

		@Test
		void viewerReadsWithValuesHiddenAndMayNotWrite(CapturedOutput output) {
			Fixture fixture = fixture();
			assertThat(get("/actuator/jobs", "viewer:v").statusCode()).isEqualTo(200);
			HttpResponse<String> failed = get("/actuator/jobs/" + fixture.failed(), "viewer:v");
			assertThat(failed.statusCode()).isEqualTo(200);
			assertThat(failed.body()).contains("\"error\":\"******\"", "\"message\":\"******\"");
			assertThat(get("/actuator/jobs/" + fixture.completed(), "viewer:v").statusCode()).isEqualTo(200);
			assertEveryWriteAnswers(fixture, "viewer:v", 403, 403);
			assertThat(output).doesNotContain("Jobs endpoint:");
			assertNoSecretIn(this.bodies);
		}

		@Test
		void operatorSeesSanitizedValuesAndWrites(CapturedOutput output) {
			Fixture fixture = fixture();
			HttpResponse<String> failed = get("/actuator/jobs/" + fixture.failed(), "operator:o");
			assertThat(failed.body()).contains("error-secret", "log-secret", "payload-secret");
			HttpResponse<String> completed = get("/actuator/jobs/" + fixture.completed(), "operator:o");
			assertThat(completed.body()).contains("result-secret", "\"uniqueKey\":\"******\"")
				.doesNotContain("key-secret");
			assertThat(post("/actuator/jobs/" + fixture.failed(), "retry", "operator:o").statusCode()).isEqualTo(200);
			assertThat(post("/actuator/jobs/" + JobId.next(), "retry", "operator:o").statusCode()).isEqualTo(404);
			assertThat(output).contains("Jobs endpoint: retry of job " + fixture.failed() + " by 'operator': done");
		}

	}

	abstract static class Scenario {

		private final HttpClient client = HttpClient.newHttpClient();

		final List<String> bodies = new ArrayList<>();

		@Autowired
		Jobs jobs;

		@Autowired
		PollingJobWorker worker;

		@LocalServerPort
		int port;

		@AfterEach
		void cleanUp() {
			this.bodies.clear();
		}

		/**
		 * Send every write operation, assert the status each gets, and that none of them
		 * changed anything.
		 */
		void assertEveryWriteAnswers(Fixture fixture, String credentials, int jobStatus, int otherStatus) {
			Map<String, String> writes = new LinkedHashMap<>();
			writes.put("/actuator/jobs/" + fixture.scheduled() + "|cancel", "job");
			writes.put("/actuator/jobs/" + fixture.failed() + "|retry", "job");
			for (String action : List.of("trigger", "pause", "resume")) {
				writes.put("/actuator/jobs/recurring/nightly|" + action, "other");
			}
			for (String action : List.of("pause", "resume")) {
				writes.put("/actuator/jobs/queues/mail|" + action, "other");
			}
			writes.forEach((write, kind) -> {
				String[] pathAndAction = write.split("\\|");
				assertThat(post(pathAndAction[0], pathAndAction[1], credentials).statusCode()).as(write)
					.isEqualTo(kind.equals("job") ? jobStatus : otherStatus);
			});
			assertThat(this.jobs.get(fixture.scheduled()).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
			assertThat(this.jobs.get(fixture.failed()).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
			assertThat(this.jobs.history(fixture.failed())).hasSize(1);
			assertThat(nightly().paused()).isFalse();
			assertThat(nightly().lastRunAt()).isNull();
			assertThat(this.worker.pausedQueues()).isEmpty();
		}

		RecurringJobInfo nightly() {
			return this.jobs.recurringJobs()
				.stream()
				.filter((info) -> info.name().equals("nightly"))
				.findFirst()
				.orElseThrow();
		}

		Fixture fixture() {
			String suffix = JobId.next().toString();
			JobId completed = this.jobs
				.enqueue(JobRequest.of("echo-secret", "payload-secret " + suffix).uniqueKey("key-secret " + suffix));
			JobId failed = this.jobs.enqueue("fail-secret", "payload-secret " + suffix);
			JobId scheduled = this.jobs
				.enqueue(JobRequest.of("echo-secret", "payload-secret later").delay(Duration.ofHours(1)));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(this.jobs.get(completed).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
				assertThat(this.jobs.get(failed).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
				assertThat(this.jobs.logs(failed)).isNotEmpty();
			});
			return new Fixture(completed, failed, scheduled);
		}

		HttpRequest.Builder request(String path, String credentials) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(30));
			if (credentials != null) {
				request.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
			}
			return request;
		}

		HttpResponse<String> get(String path, String credentials) {
			return send(request(path, credentials).GET());
		}

		HttpResponse<String> post(String path, String action, String credentials) {
			return send(request(path, credentials)
				.POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}"))
				.header("Content-Type", "application/json"));
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
				this.bodies.add(response.body());
				return response;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		static void assertNoSecretIn(List<String> bodies) {
			assertThat(bodies).isNotEmpty();
			for (String body : bodies) {
				assertThat(body).doesNotContain(SECRETS);
			}
		}

	}

	record Fixture(JobId completed, JobId failed, JobId scheduled) {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		SecretHandlers secretHandlers() {
			return new SecretHandlers();
		}

	}

	static class SecretHandlers {

		@JobHandler("echo-secret")
		String echo(String payload, JobContext context) {
			context.log().info("log-secret while echoing");
			return "result-secret for " + payload;
		}

		@JobHandler(value = "fail-secret", maxAttempts = 1)
		void fail(String payload, JobContext context) {
			context.log().info("log-secret before failing");
			throw new IllegalStateException("error-secret: " + payload);
		}

		@RecurringJob(value = "nightly", cron = "0 0 3 * * *")
		void nightly() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomSecurity {

		@Bean
		SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
			http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/actuator/jobs/**")
					.hasRole("OPS")
					.anyRequest()
					.hasRole("ACTUATOR"))
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.to("jobs")));
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("viewer").password("{noop}v").roles("ACTUATOR").build(),
					User.withUsername("operator").password("{noop}o").roles("ACTUATOR", "OPS").build());
		}

		@Bean
		SanitizingFunction uniqueKeysStayHidden() {
			return (data) -> "uniqueKey".equals(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
		}

	}

}
