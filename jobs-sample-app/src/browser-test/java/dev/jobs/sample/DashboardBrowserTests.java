package dev.jobs.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.jobs.Backoff;
import dev.jobs.JobContext;
import dev.jobs.JobHandler;
import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the dashboard of the sample app in headless Chromium: an operator retries a
 * failed job and sees it complete without reloading, pauses a queue, a viewer finds every
 * write disabled, and the dashboard fits a phone's width. Screenshots go to
 * {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.orders.processing-time=600ms", "shop.mail.failures-before-success=1" })
class DashboardBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Whether the test handler's inventory service is down, so that its jobs fail. */
	static final AtomicBoolean inventoryDown = new AtomicBoolean(true);

	@LocalServerPort
	private int port;

	@Autowired
	private Jobs jobs;

	private DashboardBrowser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		this.browser = DashboardBrowser.start(this.port);
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void operatorRetriesAFailedJobAndSeesItCompleteWithoutReloading() throws Exception {
		inventoryDown.set(true);
		someShopActivity();
		JobId failed = this.jobs.enqueue(JobRequest.of(InventorySync.JOB_NAME, new Warehouse("LYS-2")));
		await().atMost(DashboardBrowser.TIMEOUT)
			.until(() -> this.jobs.get(failed).orElseThrow().status() == JobStatus.FAILED);

		this.browser.signIn("operator");
		this.browser.open("#/jobs?status=FAILED");
		WebElement row = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-job-id='" + failed + "']")));
		assertThat(row.getAttribute("data-status")).isEqualTo("FAILED");
		assertThat(row.getText()).contains("sync-inventory", "Inventory service unavailable");
		waitForAllShopJobs();
		screenshot("job-list");

		row.findElement(By.cssSelector("a")).click();
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-status[data-status='FAILED']")));
		assertThat(text("#job-error")).contains("Inventory service unavailable (HTTP 503) for warehouse LYS-2");
		List<WebElement> attempts = this.wait
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#attempts-table tbody tr"), 2));
		for (WebElement attempt : attempts) {
			assertThat(attempt.getAttribute("data-outcome")).isEqualTo("FAILED");
			assertThat(attempt.findElement(By.cssSelector("td[data-label='Duration']")).getText())
				.matches("\\d.* (ms|s)");
			assertThat(attempt.getText()).contains("Inventory service unavailable");
		}
		assertThat(text("#job-payload")).contains("\"code\": \"LYS-2\"");
		assertThat(text("#job-logs")).contains("Syncing warehouse LYS-2");

		inventoryDown.set(false);
		((JavascriptExecutor) this.driver).executeScript("window.notReloaded = true;");
		WebElement retry = button("Retry");
		assertThat(retry.isEnabled()).isTrue();
		retry.click();
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-status[data-status='COMPLETED']")));
		assertThat(((JavascriptExecutor) this.driver).executeScript("return window.notReloaded === true;"))
			.isEqualTo(Boolean.TRUE);
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#attempts-table tbody tr"), 3));
		assertThat(this.driver.findElements(By.cssSelector("#attempts-table tbody tr"))
			.get(2)
			.getAttribute("data-outcome")).isEqualTo("COMPLETED");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-result"), "\"items\": 1284"));
		assertThat(this.driver.findElement(By.id("job-progress")).getDomProperty("value")).isEqualTo("100");
		assertThat(button("Retry").isEnabled()).isFalse();
		assertThat(button("Delete").isEnabled()).isTrue();
		screenshot("job-page");
		this.browser.colourScheme("dark");
		screenshot("job-page-dark");
	}

	@Test
	void operatorPausesAQueueFromTheOverviewAndItsJobsStayPending() throws Exception {
		someShopActivity();
		waitForAllShopJobs();
		this.browser.signIn("operator");
		this.browser.open("#/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queues tr[data-queue='mail']")));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recurring-table")));
		assertThat(text("#recurring")).contains("nightly-report", "cart-cleanup");
		assertThat(text("#counts")).containsIgnoringCase("completed");
		screenshot("overview");

		assertThat(this.driver.findElements(By.id("queues-note"))).as("the queue routes answer").isEmpty();
		button("Pause queue mail").click();
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[aria-label='Resume queue mail']")));
		JobId held = this.jobs.enqueue(WelcomeMailer.JOB_NAME, new Customer("Hedy", "hedy@example.com"));
		this.browser.open("#/jobs?queue=mail&status=PENDING");
		WebElement row = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-job-id='" + held + "']")));
		Thread.sleep(2000);
		assertThat(this.jobs.get(held).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
		assertThat(row.getAttribute("data-status")).isEqualTo("PENDING");
		this.browser.open("#/");
		button("Resume queue mail").click();
		await().atMost(DashboardBrowser.TIMEOUT)
			.until(() -> this.jobs.get(held).orElseThrow().status() == JobStatus.COMPLETED);
	}

	@Test
	void viewerFindsEveryWriteButtonDisabled() throws Exception {
		someShopActivity();
		JobId id = this.jobs.enqueue(WelcomeMailer.JOB_NAME, new Customer("Alan", "alan@example.com"));
		await().atMost(DashboardBrowser.TIMEOUT)
			.until(() -> this.jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
		this.browser.signIn("viewer");
		this.browser.open("#/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recurring-table")));
		assertThat(text("#access-badge")).isEqualTo("READ-ONLY");
		assertWritesDisabled();
		this.browser.open("#/jobs/" + id);
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-status[data-status='COMPLETED']")));
		assertThat(text("#job-payload")).contains("alan@example.com");
		assertWritesDisabled();
		this.browser.open("#/jobs");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#jobs-table")));
		assertWritesDisabled();
	}

	@Test
	void dashboardFitsAPhonesWidth() throws Exception {
		inventoryDown.set(true);
		someShopActivity();
		JobId failed = this.jobs.enqueue(JobRequest.of(InventorySync.JOB_NAME, new Warehouse("BOD-1")));
		await().atMost(DashboardBrowser.TIMEOUT)
			.until(() -> this.jobs.get(failed).orElseThrow().status() == JobStatus.FAILED);
		waitForAllShopJobs();
		this.driver.manage().window().setSize(new Dimension(390, 844));
		this.browser.signIn("operator");
		this.browser.open("#/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recurring-table")));
		assertThat(((Number) ((JavascriptExecutor) this.driver).executeScript("return window.innerWidth;")).intValue())
			.isLessThanOrEqualTo(390);
		assertFitsTheWidth();
		screenshot("phone-overview");
		this.browser.open("#/jobs");
		WebElement row = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-job-id='" + failed + "']")));
		// at a phone's width the rows are cards: each cell on a line of its own
		assertThat(row.getCssValue("display")).isEqualTo("block");
		assertFitsTheWidth();
		screenshot("phone-job-list");
		row.findElement(By.cssSelector("a")).click();
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-status[data-status='FAILED']")));
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#attempts-table tbody tr"), 2));
		assertFitsTheWidth();
		assertThat(button("Retry").isDisplayed()).isTrue();
		screenshot("phone-job-page");
	}

	private void someShopActivity() {
		for (String name : List.of("Ada", "Grace", "Barbara")) {
			this.jobs.enqueue(WelcomeMailer.JOB_NAME, new Customer(name, name.toLowerCase() + "@example.com"));
		}
		for (int i = 1; i <= 3; i++) {
			this.jobs.enqueue(JobRequest.of(OrderProcessor.JOB_NAME, new Order("order-" + i, new BigDecimal(i * 20)))
				.priority((i == 1) ? Priority.HIGH : Priority.NORMAL));
		}
		this.jobs.enqueue(JobRequest.of(WelcomeMailer.JOB_NAME, new Customer("Later", "later@example.com"))
			.delay(Duration.ofHours(1)));
	}

	private void waitForAllShopJobs() {
		await().atMost(DashboardBrowser.TIMEOUT)
			.until(() -> this.jobs.stats().count(JobStatus.PENDING) + this.jobs.stats().count(JobStatus.RUNNING) == 0);
	}

	private String text(String selector) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector))).getText();
	}

	private WebElement button(String label) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//button[normalize-space(.)='" + label + "' or @aria-label='" + label + "']")));
	}

	private void assertWritesDisabled() {
		List<WebElement> writes = this.driver.findElements(By.cssSelector("button[data-write]"));
		assertThat(writes).isNotEmpty().allSatisfy((button) -> assertThat(button.isEnabled()).isFalse());
	}

	private void assertFitsTheWidth() {
		Object overflow = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow in pixels").isLessThanOrEqualTo(0);
	}

	/**
	 * A screenshot of the whole page: the window grows to the page's height first.
	 */
	private void screenshot(String name) throws IOException, InterruptedException {
		JavascriptExecutor js = this.driver;
		Dimension size = this.driver.manage().window().getSize();
		long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
		long chrome = size.getHeight() - ((Number) js.executeScript("return window.innerHeight;")).longValue();
		this.driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + chrome, 4000)));
		Thread.sleep(300);
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		this.driver.manage().window().setSize(size);
	}

	/**
	 * A warehouse whose inventory a test job syncs.
	 *
	 * @param code the warehouse's code
	 */
	record Warehouse(String code) {

	}

	/**
	 * A handler of the tests' own: it fails while the inventory service is down.
	 */
	static class InventorySync {

		static final String JOB_NAME = "sync-inventory";

		@JobHandler(value = JOB_NAME, queue = "inventory", maxAttempts = 2, backoff = @Backoff(delay = "100ms"))
		Map<String, Object> sync(Warehouse warehouse, JobContext context) throws InterruptedException {
			context.log().info("Syncing warehouse {}", warehouse.code());
			if (inventoryDown.get()) {
				throw new IllegalStateException(
						"Inventory service unavailable (HTTP 503) for warehouse " + warehouse.code());
			}
			for (int step = 1; step <= 4; step++) {
				Thread.sleep(250);
				context.progress(step * 25);
			}
			context.log().info("Synced 1284 items of warehouse {}", warehouse.code());
			return Map.of("warehouse", warehouse.code(), "items", 1284);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BrowserTestJobs {

		@Bean
		InventorySync inventorySync() {
			return new InventorySync();
		}

	}

}
