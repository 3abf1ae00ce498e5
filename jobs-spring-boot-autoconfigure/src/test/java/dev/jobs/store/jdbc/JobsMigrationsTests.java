package dev.jobs.store.jdbc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.jobs.testsupport.SchemaHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the starter's migration scripts without a database: one folder per
 * {@link SchemaVendor}, the same versions in each, and every object named with the table
 * prefix.
 */
class JobsMigrationsTests {

	private static final Pattern FILE_NAME = Pattern.compile("V[1-9][0-9]*__[a-z0-9]+(_[a-z0-9]+)*\\.sql");

	private static final Pattern CREATED_OBJECT = Pattern.compile(
			"(?i)CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)(?:\\s+ON\\s+(\\S+))?");

	private static final Pattern ALTERED_TABLE = Pattern.compile("(?i)ALTER\\s+TABLE\\s+(\\S+)");

	@Test
	void everyVendorHasTheSameVersions() throws IOException {
		Map<String, TreeSet<String>> scriptsByFolder = new TreeMap<>();
		for (Resource script : scripts()) {
			String folder = folderOf(script);
			scriptsByFolder.computeIfAbsent(folder, (key) -> new TreeSet<>()).add(script.getFilename());
		}
		assertThat(scriptsByFolder.keySet())
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(SchemaVendor.values()).map(SchemaVendor::id).toList());
		TreeSet<String> h2 = scriptsByFolder.get(SchemaVendor.H2.id());
		assertThat(h2).isNotEmpty();
		scriptsByFolder.forEach((folder, names) -> assertThat(names).as(folder).isEqualTo(h2));
		for (SchemaVendor vendor : SchemaVendor.values()) {
			assertThat(SchemaHistory.scripts(vendor)).as(vendor.id()).isEqualTo(SchemaHistory.scripts(SchemaVendor.H2));
		}
	}

	@Test
	void scriptsAreNamedAsFlywayVersionedMigrationsInLowerCaseSnake() throws IOException {
		for (Resource script : scripts()) {
			assertThat(script.getFilename()).as(script.getDescription()).matches(FILE_NAME);
		}
	}

	@Test
	void everyTableAndIndexCarriesTheTablePrefix() throws IOException {
		for (Resource script : scripts()) {
			String sql = script.getContentAsString(StandardCharsets.UTF_8);
			Matcher matcher = CREATED_OBJECT.matcher(sql);
			int created = 0;
			while (matcher.find()) {
				created++;
				assertThat(matcher.group(1)).as(script.getDescription()).startsWith("${prefix}");
				if (matcher.group(2) != null) {
					assertThat(matcher.group(2)).as(script.getDescription()).startsWith("${prefix}");
				}
			}
			Matcher altered = ALTERED_TABLE.matcher(sql);
			while (altered.find()) {
				created++;
				assertThat(altered.group(1)).as(script.getDescription()).startsWith("${prefix}");
			}
			if (!sql.contains("nothing changes")) {
				// a version that only one database needs is an empty step elsewhere
				assertThat(created).as(script.getDescription()).isPositive();
			}
		}
	}

	@Test
	void scriptsAreNotWhereTheApplicationsFlywayLooks() throws Exception {
		URI classes = JobsSchemaMigrator.class.getProtectionDomain().getCodeSource().getLocation().toURI();
		assertThat(Path.of(classes).resolve("db/migration")).doesNotExist();
		for (SchemaVendor vendor : SchemaVendor.values()) {
			assertThat(vendor.migrationLocation()).startsWith("classpath:dev/jobs/");
			assertThat(Files.isDirectory(Path.of(classes).resolve(vendor.migrationLocation().substring(10)))).isTrue();
		}
	}

	private static Resource[] scripts() throws IOException {
		return new PathMatchingResourcePatternResolver()
			.getResources("classpath*:dev/jobs/store/jdbc/migration/*/*.sql");
	}

	private static String folderOf(Resource script) throws IOException {
		String path = script.getURL().getPath();
		String parent = path.substring(0, path.lastIndexOf('/'));
		return parent.substring(parent.lastIndexOf('/') + 1);
	}

}
