package dev.jobs.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import dev.jobs.engine.HistoryRetention;
import dev.jobs.engine.JobDefaults;
import dev.jobs.store.jdbc.TablePrefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pins the defaults of {@link JobsProperties} to the contract's table and to the engine's
 * own constants, and checks the configuration metadata that IDEs complete from.
 */
class JobsPropertiesTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private final JobsProperties properties = new JobsProperties();

	@Test
	void defaultValuesAreConsistent() {
		assertThat(this.properties.isEnabled()).isTrue();
		assertThat(this.properties.getNodeName()).isNull();
		assertThat(this.properties.isStrictNames()).isFalse();
		JobsProperties.Worker worker = this.properties.getWorker();
		assertThat(worker.isEnabled()).isTrue();
		assertThat(worker.isAutoStart()).isTrue();
		assertThat(worker.getConcurrency()).isEqualTo(10);
		assertThat(worker.getPollInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(worker.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(worker.getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(worker.getStaleAfter()).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.properties.getQueues()).isEmpty();
		JobsProperties.Defaults defaults = this.properties.getDefaults();
		assertThat(defaults.getMaxAttempts()).isEqualTo(3);
		assertThat(defaults.getTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(defaults.getQueue()).isEqualTo(JobDefaults.DEFAULT_QUEUE);
		assertThat(defaults.getBackoff().getDelay()).isEqualTo(Duration.ofSeconds(1));
		assertThat(defaults.getBackoff().getMultiplier()).isEqualTo(2.0);
		assertThat(defaults.getBackoff().getMaxDelay()).isEqualTo(Duration.ofHours(1));
		assertThat(defaults.getBackoff().getJitter()).isEqualTo(0.1);
		assertThat(this.properties.getHandlers()).isEmpty();
		assertThat(this.properties.getSchema().getMode()).isEqualTo(JobsProperties.SchemaMode.MIGRATE);
		assertThat(this.properties.getSchema().getTablePrefix()).isEqualTo("jobs_")
			.isEqualTo(TablePrefix.DEFAULT.value());
	}

	@Test
	void defaultsMapToValidEngineSettings() {
		assertThat(JobsPropertiesMapper.tablePrefix(this.properties)).isEqualTo(TablePrefix.DEFAULT);
		assertThat(JobsPropertiesMapper.defaults(this.properties).maxAttempts()).isEqualTo(3);
		assertThat(JobsPropertiesMapper.workerSettings(this.properties).staleAfter()).isEqualTo(Duration.ofSeconds(60));
		assertThat(JobsPropertiesMapper.handlerOverrides(this.properties, getClass().getClassLoader())).isEmpty();
	}

	@Test
	void historyDefaultsMapToTheRetentionSettings() {
		HistoryRetention retention = JobsPropertiesMapper.historyRetention(this.properties);
		assertThat(retention.retention()).isEqualTo(Duration.ofDays(14));
		assertThat(retention.retentionFailed()).isEqualTo(Duration.ofDays(14));
		assertThat(retention.cleanupInterval()).isEqualTo(Duration.ofHours(1));
		assertThat(retention.batchSize()).isEqualTo(500);
		assertThat(JobsPropertiesMapper.maxLogLines(this.properties)).isEqualTo(100);
		this.properties.getHistory().setRetentionFailed(Duration.ofDays(30));
		assertThat(JobsPropertiesMapper.historyRetention(this.properties).retentionFailed())
			.isEqualTo(Duration.ofDays(30));
	}

	@Test
	void invalidHistoryValuesFailNamingTheProperty() {
		JobsProperties.History history = this.properties.getHistory();
		history.setCleanupBatchSize(0);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> JobsPropertiesMapper.historyRetention(this.properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("jobs.history.cleanup-batch-size"))
			.withMessageContaining("at least 1 job per batch");
		history.setCleanupBatchSize(10);
		history.setRetention(Duration.ZERO);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> JobsPropertiesMapper.historyRetention(this.properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("jobs.history.retention"))
			.withMessageContaining("more than zero");
		history.setRetention(Duration.ofDays(1));
		history.setRetentionFailed(Duration.ofSeconds(-1));
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> JobsPropertiesMapper.historyRetention(this.properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("jobs.history.retention-failed"));
		history.setRetentionFailed(null);
		history.setCleanupInterval(Duration.ZERO);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> JobsPropertiesMapper.historyRetention(this.properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("jobs.history.cleanup-interval"));
		history.setMaxLogLines(-1);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> JobsPropertiesMapper.maxLogLines(this.properties))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("jobs.history.max-log-lines"));
	}

	@Test
	void metadataDescribesEveryProperty() throws IOException {
		Map<String, JsonNode> metadata = metadata();
		TreeSet<String> bindable = new TreeSet<>();
		collectProperties("jobs", JobsProperties.class, bindable);
		assertThat(metadata.keySet()).containsExactlyInAnyOrderElementsOf(bindable);
		metadata.forEach((name, property) -> {
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().endsWith(".").doesNotStartWith("The ").doesNotStartWith("A ");
		});
	}

	@Test
	void metadataDescribesRecurringJobsByName() throws IOException {
		JsonNode recurring = metadata().get("jobs.recurring");
		assertThat(recurring.path("type").asString())
			.isEqualTo("java.util.Map<java.lang.String," + RecurringJobProperties.class.getName() + ">");
		TreeSet<String> options = new TreeSet<>();
		collectProperties("", RecurringJobProperties.class, options);
		options.forEach((option) -> assertThat(recurring.path("description").asString()).contains(option.substring(1)));
	}

	@Test
	void metadataHintsAreDescribed() throws IOException {
		JsonNode root = metadataRoot();
		assertThat(root.path("hints").valueStream().map((hint) -> hint.path("name").asString()))
			.contains("jobs.queues.keys", "jobs.handlers.keys");
		root.path("hints")
			.valueStream()
			.flatMap((hint) -> hint.path("values").valueStream())
			.forEach((value) -> assertThat(value.path("description").asString("")).isNotBlank()
				.doesNotStartWith("The "));
	}

	@Test
	void metadataRecordsTheContractsDefaults() throws IOException {
		Map<String, JsonNode> metadata = metadata();
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("jobs.enabled", "true");
		expected.put("jobs.worker.enabled", "true");
		expected.put("jobs.worker.auto-start", "true");
		expected.put("jobs.worker.concurrency", "10");
		expected.put("jobs.worker.poll-interval", "1s");
		expected.put("jobs.worker.shutdown-timeout", "20s");
		expected.put("jobs.worker.heartbeat-interval", "10s");
		expected.put("jobs.worker.stale-after", "60s");
		expected.put("jobs.defaults.max-attempts", "3");
		expected.put("jobs.defaults.timeout", "60s");
		expected.put("jobs.defaults.backoff.delay", "1s");
		expected.put("jobs.defaults.backoff.multiplier", "2");
		expected.put("jobs.defaults.backoff.max-delay", "1h");
		expected.put("jobs.defaults.backoff.jitter", "0.1");
		expected.put("jobs.schema.mode", "migrate");
		expected.put("jobs.schema.table-prefix", "jobs_");
		expected.forEach((name, value) -> assertThat(metadata).as(name).containsKey(name));
		expected.forEach(
				(name, value) -> assertThat(metadata.get(name).path("defaultValue").asString()).as(name + " default")
					.isEqualTo(value));
	}

	private static Map<String, JsonNode> metadata() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		metadataRoot().path("properties")
			.valueStream()
			.filter((property) -> property.path("name").asString().startsWith("jobs."))
			.forEach((property) -> properties.put(property.path("name").asString(), property));
		return properties;
	}

	private static JsonNode metadataRoot() throws IOException {
		JsonMapper mapper = new JsonMapper();
		Enumeration<URL> resources = JobsPropertiesTests.class.getClassLoader().getResources(METADATA);
		for (URL resource : Collections.list(resources)) {
			JsonNode root;
			try (InputStream content = resource.openStream()) {
				root = mapper.readTree(content);
			}
			boolean ours = root.path("groups")
				.valueStream()
				.anyMatch((group) -> JobsProperties.class.getName().equals(group.path("sourceType").asString("")));
			if (ours) {
				return root;
			}
		}
		throw new IllegalStateException("No " + METADATA + " for " + JobsProperties.class.getName()
				+ " on the classpath: is spring-boot-configuration-processor configured?");
	}

	/**
	 * Walk the getters of a properties class the way the binder does: nested
	 * {@link JobsProperties} types are groups, everything else is a property.
	 */
	private static void collectProperties(String prefix, Class<?> type, Collection<String> names) {
		for (Method method : type.getMethods()) {
			String property = propertyName(method);
			if (property == null) {
				continue;
			}
			Class<?> returnType = method.getReturnType();
			String name = prefix + "." + property;
			if (returnType.getDeclaringClass() == JobsProperties.class && !returnType.isEnum()) {
				collectProperties(name, returnType, names);
			}
			else {
				names.add(name);
			}
		}
	}

	private static String propertyName(Method method) {
		if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0
				|| method.getDeclaringClass() == Object.class) {
			return null;
		}
		String name = method.getName();
		String bare;
		if (name.startsWith("get") && name.length() > 3) {
			bare = name.substring(3);
		}
		else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
			bare = name.substring(2);
		}
		else {
			return null;
		}
		StringBuilder kebab = new StringBuilder();
		for (char c : bare.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append((kebab.length() > 0) ? "-" : "").append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

}
