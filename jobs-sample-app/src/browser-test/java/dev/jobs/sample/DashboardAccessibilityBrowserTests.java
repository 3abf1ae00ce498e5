package dev.jobs.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.jobs.JobId;
import dev.jobs.JobRequest;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.Priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audits the dashboard in headless Chromium, in the light and the dark colour scheme, on
 * the overview, the job list and a job page: every form control is labelled, every button
 * and link has an accessible name (as the browser computes it), visible text meets WCAG
 * AA contrast against its effective background (4.5:1, 3:1 for large text), the borders
 * of controls meet 3:1, headings do not skip a level, and Tab walks through every
 * interactive element in document order with a visible focus ring of 3:1. Each failure
 * names the element.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.orders.processing-time=300ms", "shop.mail.failures-before-success=5" })
class DashboardAccessibilityBrowserTests {

	/**
	 * The audit's functions, defined on {@code window.a11y} in the page; each check
	 * returns a list of failures, each naming its element.
	 */
	private static final String AUDIT = """
			window.a11y = (() => {
				const describe = (el) => {
					const id = el.id ? '#' + el.id : '';
					const classes = el.classList && el.classList.length ? '.' + [...el.classList].join('.') : '';
					const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
					return `<${el.tagName.toLowerCase()}${id}${classes}> "${text.slice(0, 50)}"`;
				};
				const parse = (css) => {
					const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)/.exec(css || '');
					if (!m) {
						return null;
					}
					return { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] };
				};
				const over = (top, below) => ({
					r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a),
					b: top.b * top.a + below.b * (1 - top.a), a: 1
				});
				const background = (el) => {
					const layers = [];
					for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
						const colour = parse(getComputedStyle(node).backgroundColor);
						if (colour && colour.a > 0) {
							layers.push(colour);
							if (colour.a >= 1) {
								break;
							}
						}
					}
					const canvas = matchMedia('(prefers-color-scheme: dark)').matches ? { r: 0, g: 0, b: 0, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
					return layers.reverse().reduce((below, top) => over(top, below), canvas);
				};
				const opacity = (el) => {
					let product = 1;
					for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
						product *= Number(getComputedStyle(node).opacity);
					}
					return product;
				};
				const channel = (v) => {
					const c = v / 255;
					return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
				};
				const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
				const ratio = (x, y) => {
					const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
					return (hi + 0.05) / (lo + 0.05);
				};
				const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
				const clipped = (el) => {
					for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
						const rect = node.getBoundingClientRect();
						if (getComputedStyle(node).overflow !== 'visible' && (rect.width <= 1 || rect.height <= 1)) {
							return true;
						}
					}
					return false;
				};
				const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
					&& el.getClientRects().length > 0 && !clipped(el);
				const controls = () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')];
				const named = (el) => {
					const byLabel = el.labels && [...el.labels].some((label) => label.textContent.trim());
					const byAria = (el.getAttribute('aria-label') || '').trim();
					const byIds = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
						.some((id) => document.getElementById(id) && document.getElementById(id).textContent.trim());
					return Boolean(byLabel || byAria || byIds);
				};
				const textElements = () => {
					const found = new Set(controls().filter((c) => c.type !== 'checkbox' && c.type !== 'radio'));
					const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						if (node.textContent.trim() && node.parentElement) {
							found.add(node.parentElement);
						}
					}
					return [...found].filter((el) => !el.closest('svg, option, script, style, noscript, title, :disabled') && visible(el));
				};
				const tabbables = () => [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
					.filter((el) => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && visible(el));
				return {
					describe,
					unlabelledControls: () => controls().filter((c) => !named(c)).map((c) => `no label: ${describe(c)}`),
					namedElements: () => [...document.querySelectorAll('button, a[href], summary, [role=button]')].filter(visible),
					textCount: () => textElements().length,
					textContrast: () => textElements().flatMap((el) => {
						const style = getComputedStyle(el);
						const back = background(el);
						const colour = parse(style.color);
						if (!colour) {
							return [`unreadable colour ${style.color}: ${describe(el)}`];
						}
						const fore = over({ ...colour, a: colour.a * opacity(el) }, back);
						const size = parseFloat(style.fontSize);
						const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
						const needed = large ? 3 : 4.5;
						const actual = ratio(fore, back);
						return actual + 0.005 < needed
							? [`text contrast ${actual.toFixed(2)} < ${needed} (${hex(fore)} on ${hex(back)}, ${size}px): ${describe(el)}`] : [];
					}),
					controlBorders: () => [...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea, button')]
						.filter((el) => visible(el) && !el.disabled)
						.flatMap((el) => {
							const style = getComputedStyle(el);
							const around = background(el.parentElement);
							const fill = over(parse(style.backgroundColor) || { r: 0, g: 0, b: 0, a: 0 }, around);
							if (ratio(fill, around) >= 3) {
								return [];
							}
							const border = parse(style.borderTopColor);
							const width = parseFloat(style.borderTopWidth);
							const actual = border && width > 0 ? ratio(over(border, around), around) : 1;
							return actual + 0.005 < 3 ? [`control border contrast ${actual.toFixed(2)} < 3 (${border ? hex(over(border, around)) : 'none'} on ${hex(around)}): ${describe(el)}`] : [];
						}),
					headings: () => {
						const failures = [];
						const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible)
							.map((el) => ({ el, level: Number(el.tagName.slice(1)) }));
						if (levels.filter((h) => h.level === 1).length !== 1) {
							failures.push(`expected one visible h1, found ${levels.filter((h) => h.level === 1).length}`);
						}
						levels.reduce((previous, h) => {
							if (h.level > previous + 1) {
								failures.push(`heading skips from h${previous} to h${h.level}: ${describe(h.el)}`);
							}
							return h.level;
						}, 0);
						return failures;
					},
					tabOrder: () => {
						window.a11yTabbables = tabbables();
						return window.a11yTabbables.length;
					},
					focused: (index) => {
						const el = document.activeElement;
						const expected = window.a11yTabbables[index];
						if (el !== expected) {
							return `Tab ${index + 1} focused ${el ? describe(el) : 'nothing'}, expected ${describe(expected)}`;
						}
						const style = getComputedStyle(el);
						const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
						const shadow = style.boxShadow && style.boxShadow !== 'none';
						if (!outline && !shadow) {
							return `no visible focus (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}): ${describe(el)}`;
						}
						if (outline) {
							const around = background(el.parentElement);
							const actual = ratio(over(parse(style.outlineColor), around), around);
							if (actual + 0.005 < 3) {
								return `focus outline contrast ${actual.toFixed(2)} < 3 (${style.outlineColor} on ${hex(around)}): ${describe(el)}`;
							}
						}
						return null;
					}
				};
			})();
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private Jobs jobs;

	private DashboardBrowser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
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

	@ParameterizedTest(name = "{0} scheme")
	@ValueSource(strings = { "light", "dark" })
	void overviewIsAccessible(String scheme) {
		someShopActivity();
		this.browser.signIn("operator");
		this.browser.colourScheme(scheme);
		this.browser.open("#/");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#queues tr[data-queue='mail']")));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recurring-table")));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#throughput .chart")));
		assertThat(this.driver.findElement(By.cssSelector("#throughput .chart")).getAccessibleName())
			.as("the chart's text alternative")
			.contains("completed", "failed");
		audit("overview, " + scheme);
		aWriteGivesTheFocusBack();
	}

	@ParameterizedTest(name = "{0} scheme")
	@ValueSource(strings = { "light", "dark" })
	void jobListIsAccessible(String scheme) {
		someShopActivity();
		this.browser.signIn("operator");
		this.browser.colourScheme(scheme);
		this.browser.open("#/jobs");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#jobs-table")));
		this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#jobs-table tr[data-status='FAILED'] .badge")));
		audit("job list, " + scheme);
		confirmationTakesAndReturnsTheFocus();
	}

	@ParameterizedTest(name = "{0} scheme")
	@ValueSource(strings = { "light", "dark" })
	void jobPageIsAccessible(String scheme) {
		JobId failed = this.jobs.enqueue(WelcomeMailer.JOB_NAME, new Customer("Edsger", "edsger@example.com"));
		await().atMost(DashboardBrowser.TIMEOUT)
			.until(() -> this.jobs.get(failed).orElseThrow().status() == JobStatus.FAILED);
		this.browser.signIn("operator");
		this.browser.colourScheme(scheme);
		this.browser.open("#/jobs/" + failed);
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-status[data-status='FAILED']")));
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#attempts-table tbody tr"), 5));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#log-lines, #job-logs p")));
		WebElement progress = this.driver.findElement(By.id("job-progress"));
		assertThat(progress.getTagName()).isEqualTo("progress");
		assertThat(progress.getAccessibleName()).as("the progress bar's name").startsWith("Progress");
		audit("job page, " + scheme);
	}

	/** Every check of the page; the failures of all of them at once. */
	private void audit(String page) {
		List<String> failures = new ArrayList<>();
		// the page holds still meanwhile: a refresh would replace the focused row
		js("document.getElementById('auto-refresh').checked = false;");
		js(AUDIT);
		assertThat((Boolean) js("return matchMedia('(prefers-color-scheme: " + scheme(page) + ")').matches;"))
			.as("the emulated colour scheme")
			.isTrue();
		failures.addAll(list("return a11y.unlabelledControls();"));
		failures.addAll(unnamedElements());
		assertThat(((Number) js("return a11y.textCount();")).intValue()).as("visible text elements").isGreaterThan(20);
		failures.addAll(list("return a11y.textContrast();"));
		failures.addAll(list("return a11y.controlBorders();"));
		failures.addAll(list("return a11y.headings();"));
		failures.addAll(tabWalk());
		assertThat(failures).as("accessibility failures on the %s", page).isEmpty();
	}

	private static String scheme(String page) {
		return page.endsWith("dark") ? "dark" : "light";
	}

	private List<String> unnamedElements() {
		List<String> failures = new ArrayList<>();
		@SuppressWarnings("unchecked")
		List<WebElement> elements = (List<WebElement>) js("return a11y.namedElements();");
		assertThat(elements).as("buttons and links on the page").isNotEmpty();
		for (WebElement element : elements) {
			if (element.getAccessibleName().isBlank()) {
				failures.add("no accessible name: " + js("return a11y.describe(arguments[0]);", element));
			}
		}
		return failures;
	}

	/**
	 * Presses Tab once per interactive element, from the top of a freshly loaded page:
	 * each press must focus the next one in document order, with a visible focus ring.
	 */
	private List<String> tabWalk() {
		int stops = ((Number) js("return a11y.tabOrder();")).intValue();
		assertThat(stops).as("interactive elements to Tab through").isGreaterThan(3);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < stops; i++) {
			new Actions(this.driver).sendKeys(Keys.TAB).perform();
			Object failure = js("return a11y.focused(arguments[0]);", i);
			if (failure != null) {
				failures.add(failure.toString());
				if (failure.toString().startsWith("Tab ")) {
					// out of order: the elements after it would all fail
					break;
				}
			}
		}
		return failures;
	}

	/**
	 * A confirmation opened from the keyboard takes the focus, passes the same checks,
	 * and gives the focus back to its button when Escape closes it.
	 */
	private void confirmationTakesAndReturnsTheFocus() {
		WebElement retryAll = this.driver.findElement(By.cssSelector("[data-focus='retry-all']"));
		js("arguments[0].focus();", retryAll);
		new Actions(this.driver).sendKeys(Keys.ENTER).perform();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("dialog"), "open", "true"));
		assertThat((Boolean) js("return document.getElementById('dialog').contains(document.activeElement);"))
			.as("the focus is in the open dialog")
			.isTrue();
		List<String> failures = new ArrayList<>(list("return a11y.unlabelledControls();"));
		failures.addAll(list("return a11y.textContrast();"));
		failures.addAll(list("return a11y.controlBorders();"));
		assertThat(failures).as("accessibility failures in the dialog").isEmpty();
		new Actions(this.driver).sendKeys(Keys.ESCAPE).perform();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(By.id("dialog"), "open", "true")));
		this.wait.until((driver) -> (Boolean) js(
				"return document.activeElement && document.activeElement.getAttribute('data-focus') === 'retry-all';"));
	}

	/**
	 * Pausing a queue from the keyboard leaves the focus on the button, now Resume, and
	 * resuming it leaves it on Pause.
	 */
	private void aWriteGivesTheFocusBack() {
		js("arguments[0].focus();", this.driver.findElement(By.cssSelector("[aria-label='Pause queue mail']")));
		new Actions(this.driver).sendKeys(Keys.ENTER).perform();
		this.wait.until((driver) -> "Resume queue mail"
			.equals(js("return document.activeElement.getAttribute('aria-label');")));
		new Actions(this.driver).sendKeys(Keys.ENTER).perform();
		this.wait.until(
				(driver) -> "Pause queue mail".equals(js("return document.activeElement.getAttribute('aria-label');")));
	}

	private void someShopActivity() {
		for (String name : List.of("Ada", "Grace")) {
			this.jobs.enqueue(WelcomeMailer.JOB_NAME, new Customer(name, name.toLowerCase() + "@example.com"));
		}
		for (int i = 1; i <= 3; i++) {
			this.jobs.enqueue(JobRequest.of(OrderProcessor.JOB_NAME, new Order("order-" + i, new BigDecimal(i * 20)))
				.priority((i == 1) ? Priority.HIGH : Priority.NORMAL));
		}
		this.jobs.enqueue(JobRequest.of(OrderProcessor.JOB_NAME, new Order("order-later", BigDecimal.TEN))
			.delay(Duration.ofHours(1)));
		await().atMost(DashboardBrowser.TIMEOUT)
			.until(() -> this.jobs.stats().count(JobStatus.PENDING) + this.jobs.stats().count(JobStatus.RUNNING) == 0
					&& this.jobs.stats().count(JobStatus.FAILED) > 0);
	}

	private Object js(String script, Object... args) {
		return this.driver.executeScript(script, args);
	}

	@SuppressWarnings("unchecked")
	private List<String> list(String script) {
		return (List<String>) js(script);
	}

}
