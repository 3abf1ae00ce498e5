package dev.jobs.testsupport;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contract tests that start several nodes on one database: each node has the
 * {@link TestHandlers} and a {@link Recorder} shared by all of them, and every node is
 * closed after each test.
 */
public abstract class NodesContractTests extends DatabaseContractTests {

	private Recorder recorder;

	private final List<TestNode> nodes = new ArrayList<>();

	@BeforeEach
	void newRecorder() {
		this.recorder = new Recorder();
	}

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(TestNode::close);
		this.nodes.clear();
	}

	/**
	 * What the nodes' handlers saw.
	 * @return the recorder of this test
	 */
	protected Recorder recorder() {
		return this.recorder;
	}

	/**
	 * Start a node on this class's database.
	 * @param name the node name
	 * @param properties property names and values, alternating
	 * @return the running node
	 */
	protected TestNode node(String name, Object... properties) {
		return node(dataSource(), name, new Class<?>[0], properties);
	}

	/**
	 * Start a node.
	 * @param dataSource the node's data source
	 * @param name the node name
	 * @param configurations user configuration classes
	 * @param properties property names and values, alternating
	 * @return the running node
	 */
	protected TestNode node(DataSource dataSource, String name, Class<?>[] configurations, Object... properties) {
		TestNode.Builder builder = nodeBuilder(dataSource, name).with(configurations);
		for (int i = 0; i < properties.length; i += 2) {
			builder.property((String) properties[i], properties[i + 1]);
		}
		return start(builder);
	}

	/**
	 * A builder of a node with this test's recorder and handlers, for a test that needs
	 * more than configuration classes and properties.
	 * @param dataSource the node's data source
	 * @param name the node name
	 * @return the builder, to be passed to {@link #start(TestNode.Builder)}
	 */
	protected TestNode.Builder nodeBuilder(DataSource dataSource, String name) {
		return TestNode.on(dataSource, schema())
			.name(name)
			.bean(this.recorder)
			.bean(new TestHandlers(this.recorder, name));
	}

	/**
	 * Start a node and close it after the test.
	 * @param builder the node's builder
	 * @return the running node
	 */
	protected TestNode start(TestNode.Builder builder) {
		TestNode node = builder.start();
		this.nodes.add(node);
		return node;
	}

	/**
	 * Forget a node that the test closed itself.
	 * @param node the node
	 */
	protected void forget(TestNode node) {
		this.nodes.remove(node);
	}

}
