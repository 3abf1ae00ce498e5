package dev.jobs.sample;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, or the
 * binaries the system properties {@code browser.chromium} and
 * {@code browser.chromedriver} name) on the sample app's dashboard: sign-in, opening a
 * route once it has loaded, the colour scheme, and at the end a check that no script or
 * Content-Security-Policy error reached the browser's console.
 */
final class DashboardBrowser implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final int port;

	private DashboardBrowser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, TIMEOUT);
		this.port = port;
	}

	static DashboardBrowser start(int port) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1440,1000", "--lang=en-GB", "--no-first-run", "--disable-extensions",
				"--disable-background-networking", "--disable-component-update", "--disable-sync");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		return new DashboardBrowser(new ChromeDriver(service, options), port);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	WebDriverWait waiting() {
		return this.wait;
	}

	void signIn(String user) {
		this.driver.get(url("/jobs/"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
		this.driver.findElement(By.name("password")).sendKeys(user);
		this.driver.findElement(By.cssSelector("button[type='submit']")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), user));
	}

	void open(String route) {
		this.driver.get(url("/jobs/" + route));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("updated"), "Updated"));
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void colourScheme(String scheme) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	@Override
	public void close() {
		try {
			List<String> errors = this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
				.map(LogEntry::getMessage)
				.filter((message) -> !message.contains("status of 404"))
				.toList();
			assertThat(errors).as("browser console errors (scripts, Content-Security-Policy)").isEmpty();
		}
		finally {
			this.driver.quit();
		}
	}

}
