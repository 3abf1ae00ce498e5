package dev.jobs.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.web.app.ConsoleTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console behind the application's own security chain, with form login and with basic
 * authentication: a viewer (read authority), an operator (read and write) and a stranger
 * (neither); CSRF tokens; 401 and 403 as problem details; what is shown.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSecurityTests {

	static final String API = "/jobs/api";

	static final String AUTHORITIES = "jobs.web.read-authority=jobs:read";

	static final String WRITE_AUTHORITY = "jobs.web.write-authority=jobs:write";

	static final String ENQUEUE = "{\"name\":\"greet\",\"payload\":{\"name\":\"secret-name\"},\"delay\":\"1h\"}";

	@Nested
	@SpringBootTest(classes = { ConsoleTestApplication.class, FormLoginSecurity.class },
			properties = { ConsoleTestProperties.H2, ConsoleTestProperties.ENABLED, ConsoleTestProperties.AUDIT,
					"jobs.web.access=unrestricted", AUTHORITIES, WRITE_AUTHORITY })
	@AutoConfigureMockMvc
	class FormLogin {

		@Autowired
		private MockMvc mvc;

		@Autowired
		private Jobs jobs;

		@Test
		void unauthenticatedRequestsAre401ProblemDetails() throws Exception {
			this.mvc.perform(get(API + "/jobs").accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(401));
			this.mvc.perform(post(API + "/jobs").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(ENQUEUE))
				.andExpect(status().isUnauthorized());
		}

		@Test
		void viewerReadsWithValuesButCannotWrite(CapturedOutput output) throws Exception {
			MockHttpSession viewer = login("viewer");
			JobId id = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "shown")).delay(Duration.ofHours(1)));
			this.mvc.perform(get(API + "/jobs/" + id).session(viewer))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.payload.name").value("shown"));
			this.mvc.perform(get(API + "/me").session(viewer))
				.andExpect(jsonPath("$.name").value("viewer"))
				.andExpect(jsonPath("$.canWrite").value(false))
				.andExpect(jsonPath("$.csrf.headerName").value("X-CSRF-TOKEN"))
				.andExpect(jsonPath("$.csrf.token").isString());
			this.mvc.perform(delete(API + "/jobs/" + id).session(viewer).with(csrf()))
				.andExpect(status().isForbidden())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("jobs:write")));
			assertThat(this.jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
			assertThat(output).contains("by 'viewer': refused: not authorized");
		}

		@Test
		void strangerWithoutTheReadAuthorityIsForbidden() throws Exception {
			this.mvc.perform(get(API + "/jobs").session(login("stranger")))
				.andExpect(status().isForbidden())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("jobs:read")));
		}

		@Test
		void operatorWritesWithTheCsrfTokenThatMeReports(CapturedOutput output) throws Exception {
			MockHttpSession operator = login("operator");
			String me = this.mvc.perform(get(API + "/me").session(operator))
				.andExpect(jsonPath("$.canWrite").value(true))
				.andReturn()
				.getResponse()
				.getContentAsString();
			tools.jackson.databind.JsonNode csrf = tools.jackson.databind.json.JsonMapper.shared()
				.readTree(me)
				.get("csrf");
			this.mvc
				.perform(json(post(API + "/jobs").session(operator)
					.header(csrf.get("headerName").asString(), csrf.get("token").asString())))
				.andExpect(status().isCreated());
			assertThat(output).contains("Jobs console: enqueue of job name greet by 'operator': done");
		}

		@Test
		void writesWithoutTheCsrfTokenAre403ProblemDetails() throws Exception {
			this.mvc.perform(json(post(API + "/jobs").session(login("operator"))))
				.andExpect(status().isForbidden())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CSRF")));
		}

		private MockHttpSession login(String user) throws Exception {
			return (MockHttpSession) this.mvc.perform(formLogin().user(user).password("pw"))
				.andReturn()
				.getRequest()
				.getSession();
		}

	}

	@Nested
	@SpringBootTest(classes = { ConsoleTestApplication.class, BasicSecurity.class },
			properties = { ConsoleTestProperties.H2, ConsoleTestProperties.ENABLED, "jobs.web.access=unrestricted",
					AUTHORITIES, WRITE_AUTHORITY })
	@AutoConfigureMockMvc
	class Basic {

		@Autowired
		private MockMvc mvc;

		@Autowired
		private Jobs jobs;

		@Test
		void unauthenticatedRequestsAre401() throws Exception {
			this.mvc.perform(get(API + "/stats")).andExpect(status().isUnauthorized());
			this.mvc.perform(get(API + "/stats").with(httpBasic("viewer", "wrong")))
				.andExpect(status().isUnauthorized());
		}

		@Test
		void viewerReadsAndOperatorWritesWithCsrf() throws Exception {
			JobId id = this.jobs.enqueue(JobRequest.of("greet", Map.of("name", "b")).delay(Duration.ofHours(1)));
			this.mvc.perform(get(API + "/jobs/" + id).with(httpBasic("viewer", "pw"))).andExpect(status().isOk());
			this.mvc.perform(get(API + "/stats").with(httpBasic("stranger", "pw"))).andExpect(status().isForbidden());
			this.mvc.perform(delete(API + "/jobs/" + id).with(httpBasic("viewer", "pw")).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(delete(API + "/jobs/" + id).with(httpBasic("operator", "pw")))
				.andExpect(status().isForbidden());
			assertThat(this.jobs.get(id).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
			this.mvc.perform(delete(API + "/jobs/" + id).with(httpBasic("operator", "pw")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.cancelled").value(true));
		}

		@Test
		void queueAndRunnerWritesNeedTheWriteAuthorityAndTheCsrfToken(CapturedOutput output) throws Exception {
			this.mvc.perform(get(API + "/queues").with(httpBasic("viewer", "pw"))).andExpect(status().isOk());
			this.mvc.perform(get(API + "/nodes").with(httpBasic("viewer", "pw"))).andExpect(status().isOk());
			this.mvc.perform(get(API + "/nodes").with(httpBasic("stranger", "pw"))).andExpect(status().isForbidden());
			for (String write : WRITES) {
				this.mvc.perform(post(API + write).with(httpBasic("viewer", "pw")).with(csrf()))
					.andExpect(status().isForbidden())
					.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("jobs:write")));
				this.mvc.perform(post(API + write).with(httpBasic("operator", "pw"))).andExpect(status().isForbidden());
			}
			assertThat(this.jobs.queues()).noneMatch(dev.jobs.QueueInfo::paused);
			this.mvc.perform(post(API + "/queues/secured/pause").with(httpBasic("operator", "pw")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.changed").value(true));
			this.mvc.perform(post(API + "/queues/secured/resume").with(httpBasic("operator", "pw")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.changed").value(true));
			assertThat(output).contains("Jobs console: pause of queue secured by 'operator': done");
		}

	}

	@Nested
	@SpringBootTest(classes = { ConsoleTestApplication.class, BasicSecurity.class },
			properties = { ConsoleTestProperties.H2, ConsoleTestProperties.ENABLED, ConsoleTestProperties.FAST_POLL,
					ConsoleTestProperties.AUDIT, "jobs.web.show-values=never" })
	@AutoConfigureMockMvc
	class ReadOnlyShowingNoValues {

		@Autowired
		private MockMvc mvc;

		@Autowired
		private Jobs jobs;

		@Test
		void valuesNeverLeaveEvenForTheOperator() throws Exception {
			String[] secrets = Secrets.create(this.jobs);
			StringBuilder bodies = new StringBuilder();
			for (String path : Secrets.paths(this.jobs)) {
				bodies.append(this.mvc.perform(get(API + path).with(httpBasic("operator", "pw")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
			}
			assertThat(bodies).contains(JobViews.MASK).doesNotContain(secrets);
		}

		@Test
		void writesAre403UnderReadOnly(CapturedOutput output) throws Exception {
			this.mvc.perform(json(post(API + "/jobs").with(httpBasic("operator", "pw")).with(csrf())))
				.andExpect(status().isForbidden())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("read-only")));
			assertThat(output).contains("Jobs console: write of POST /jobs/api/jobs by 'operator': refused: read-only");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(
						this.jobs.count(dev.jobs.JobQuery.builder().name("greet").status(JobStatus.SCHEDULED).build()))
					.isZero());
		}

		@Test
		void queueAndRunnerWritesAre403UnderReadOnly(CapturedOutput output) throws Exception {
			JobId scheduled = this.jobs
				.enqueue(JobRequest.of("send-mail", Map.of("to", "kept")).queue("secured").delay(Duration.ofHours(1)));
			for (String write : WRITES) {
				this.mvc.perform(post(API + write).with(httpBasic("operator", "pw")).with(csrf()))
					.andExpect(status().isForbidden())
					.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("read-only")));
				assertThat(output)
					.contains("Jobs console: write of POST /jobs/api" + write + " by 'operator': refused: read-only");
			}
			assertThat(this.jobs.queues()).noneMatch(dev.jobs.QueueInfo::paused);
			assertThat(this.jobs.get(scheduled).orElseThrow().status()).isEqualTo(JobStatus.SCHEDULED);
			this.mvc.perform(get(API + "/queues/secured").with(httpBasic("operator", "pw")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.counts.SCHEDULED").value(1));
		}

	}

	static final String[] WRITES = { "/queues/secured/pause", "/queues/secured/resume", "/queues/secured/drain",
			"/queues/secured/clean", "/runner/stop", "/runner/start" };

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request) {
		return request.contentType(MediaType.APPLICATION_JSON).content(ENQUEUE);
	}

	static UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("viewer").password("{noop}pw").authorities("jobs:read").build(),
				User.withUsername("operator").password("{noop}pw").authorities("jobs:read", "jobs:write").build(),
				User.withUsername("stranger").password("{noop}pw").authorities("other").build());
	}

	@Configuration(proxyBeanMethods = false)
	static class FormLoginSecurity {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, JobsWebProblemHandler problems) throws Exception {
			RequestMatcher console = PathPatternRequestMatcher.withDefaults().matcher("/jobs/api/**");
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(console).authenticated().anyRequest().permitAll())
				.formLogin(Customizer.withDefaults())
				.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problems, console)
					.defaultAccessDeniedHandlerFor(problems, console));
			return http.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return users();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BasicSecurity {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService userDetailsService() {
			return users();
		}

	}

}
