package dev.jobs.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.jobs.Job;
import dev.jobs.JobId;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots the shop the way the README's run command does and runs a job in it.
 */
class ShopApplicationRunCommandTests {

	@Test
	void runCommandStartsAShopThatRunsItsJobs() {
		try (ConfigurableApplicationContext context = SpringApplication.run(ShopApplication.class, "--server.port=0")) {
			Jobs jobs = context.getBean(Jobs.class);
			JobId id = jobs.enqueue(WelcomeMailer.JOB_NAME, new Customer("Grace", "grace@example.com"));
			Job job = await().atMost(Duration.ofSeconds(30))
				.until(() -> jobs.get(id).orElseThrow(), (candidate) -> candidate.status() == JobStatus.COMPLETED);
			assertThat(job.result(EmailReceipt.class)).isEqualTo(new EmailReceipt("grace@example.com", 2));
			assertThat(jobs.history(id)).hasSize(2);
		}
	}

}
