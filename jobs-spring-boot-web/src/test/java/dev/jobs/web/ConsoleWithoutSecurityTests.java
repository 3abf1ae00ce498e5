package dev.jobs.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.jobs.JobId;
import dev.jobs.Jobs;
import dev.jobs.web.app.ConsoleTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console with its defaults and no security chain: reads answer with values masked
 * (when-authorized shows nothing to an anonymous caller), and every write is 403.
 */
@SpringBootTest(classes = ConsoleTestApplication.class,
		properties = { ConsoleTestProperties.NO_SECURITY, ConsoleTestProperties.H2, ConsoleTestProperties.ENABLED,
				ConsoleTestProperties.FAST_POLL, ConsoleTestProperties.AUDIT })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ConsoleWithoutSecurityTests {

	private static final String API = "/jobs/api";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Jobs jobs;

	@Test
	void readsAnswerWithValuesMasked() throws Exception {
		String[] secrets = Secrets.create(this.jobs);
		StringBuilder bodies = new StringBuilder();
		for (String path : Secrets.paths(this.jobs)) {
			bodies.append(this.mvc.perform(get(API + path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		}
		assertThat(bodies)
			.contains("\"payload\":\"******\"", "\"error\":\"******\"", "\"message\":\"******\"",
					"\"uniqueKey\":\"******\"")
			.doesNotContain(secrets);
	}

	@Test
	void everyWriteIs403UnderReadOnly(CapturedOutput output) throws Exception {
		String id = JobId.next().toString();
		this.mvc.perform(post(API + "/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"greet\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail")
				.value("The jobs console is read-only: jobs.web.access=unrestricted allows writes"));
		this.mvc.perform(delete(API + "/jobs/" + id)).andExpect(status().isForbidden());
		this.mvc.perform(post(API + "/jobs/" + id + "/retry")).andExpect(status().isForbidden());
		this.mvc.perform(post(API + "/recurring").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(put(API + "/recurring/r").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete(API + "/recurring/r")).andExpect(status().isForbidden());
		for (String action : new String[] { "pause", "resume", "trigger" }) {
			this.mvc.perform(post(API + "/recurring/r/" + action)).andExpect(status().isForbidden());
		}
		assertThat(output)
			.contains("Jobs console: write of DELETE /jobs/api/jobs/" + id + " by anonymous: refused: read-only");
		this.mvc.perform(get(API + "/me")).andExpect(jsonPath("$.canWrite").value(false));
	}

}
