package dev.jobs.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.jobs.Jobs;
import dev.jobs.autoconfigure.JobsAutoConfiguration;
import dev.jobs.worker.PollingJobWorker;

/**
 * One node of the jobs starter in tests: a real Spring application context with the
 * auto-configuration, on a given database and table prefix, with short intervals.
 */
public final class TestNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private TestNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * A builder of a node on the given database and schema.
	 * @param dataSource the database, shared with other nodes and the test
	 * @param schema the table prefix
	 * @return the builder
	 */
	public static Builder on(DataSource dataSource, TestSchema schema) {
		return new Builder(dataSource, schema);
	}

	/**
	 * The node's {@link Jobs}.
	 * @return the bean
	 */
	public Jobs jobs() {
		return this.context.getBean(Jobs.class);
	}

	/**
	 * The node's worker.
	 * @return the worker
	 */
	public PollingJobWorker worker() {
		return this.context.getBean(PollingJobWorker.class);
	}

	/**
	 * A bean of the node's context.
	 * @param <T> the type
	 * @param type the type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * The node's context.
	 * @return the context
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Builds {@link TestNode}s.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private final Map<String, String> properties = new LinkedHashMap<>();

		private final List<Class<?>> configurations = new ArrayList<>();

		private final Map<String, Object> beans = new LinkedHashMap<>();

		private final Map<String, Object> singletons = new LinkedHashMap<>();

		private Builder(DataSource dataSource, TestSchema schema) {
			this.dataSource = dataSource;
			this.properties.put("jobs.schema.table-prefix", schema.prefix());
			this.properties.put("jobs.worker.poll-interval", "100ms");
			this.properties.put("jobs.worker.heartbeat-interval", "500ms");
			this.properties.put("jobs.worker.stale-after", "10s");
			this.properties.put("jobs.worker.shutdown-timeout", "2s");
			this.properties.put("jobs.defaults.backoff.delay", "100ms");
			this.properties.put("jobs.defaults.backoff.jitter", "0");
			this.properties.put("spring.main.register-shutdown-hook", "false");
		}

		/**
		 * Set a property.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder property(String name, Object value) {
			this.properties.put(name, String.valueOf(value));
			return this;
		}

		/**
		 * Name the node.
		 * @param name the node name
		 * @return this builder
		 */
		public Builder name(String name) {
			return property("jobs.node-name", name);
		}

		/**
		 * Add user configuration classes, such as handler beans.
		 * @param configurations the classes
		 * @return this builder
		 */
		public Builder with(Class<?>... configurations) {
			this.configurations.addAll(List.of(configurations));
			return this;
		}

		/**
		 * Add a ready-made bean, such as a recorder shared with the test.
		 * @param bean the bean
		 * @return this builder
		 */
		public Builder bean(Object bean) {
			this.beans.put(bean.getClass().getName() + "#" + this.beans.size(), bean);
			return this;
		}

		/**
		 * Add a ready-made singleton as Boot adds the web server's lifecycle beans: after
		 * every bean definition, so that within a lifecycle phase it stops after them.
		 * @param name the bean name
		 * @param bean the bean
		 * @return this builder
		 */
		public Builder singleton(String name, Object bean) {
			this.singletons.put(name, bean);
			return this;
		}

		/**
		 * Start the node.
		 * @return the running node
		 */
		public TestNode start() {
			List<Class<?>> sources = new ArrayList<>();
			sources.add(NodeConfiguration.class);
			sources.addAll(this.configurations);
			List<String> pairs = new ArrayList<>();
			this.properties.forEach((name, value) -> pairs.add(name + "=" + value));
			DataSource shared = new DelegatingDataSource(this.dataSource);
			ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties(pairs.toArray(String[]::new))
				.initializers((applicationContext) -> {
					GenericApplicationContext generic = (GenericApplicationContext) applicationContext;
					generic.registerBean("dataSource", DataSource.class, () -> shared);
					this.beans.forEach((name, bean) -> register(generic, name, bean));
					this.singletons.forEach(generic.getBeanFactory()::registerSingleton);
				})
				.run();
			return new TestNode(context);
		}

	}

	@SuppressWarnings("unchecked")
	private static <T> void register(GenericApplicationContext context, String name, T bean) {
		context.registerBean(name, (Class<T>) bean.getClass(), () -> bean);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, JobsAutoConfiguration.class })
	static class NodeConfiguration {

	}

}
