package dev.jobs.worker;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import dev.jobs.JobId;
import dev.jobs.engine.JobLifecycleListener;
import dev.jobs.store.NodeInfo;
import dev.jobs.store.NodeLease;
import dev.jobs.store.NodeRegistry;
import dev.jobs.store.RescuedJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the lease keeper lets its node start work: on its own heartbeat thread, against a
 * registry whose heartbeats fail, hang or find the node declared dead as each test says.
 * The heartbeat interval is long (a minute), so that only the keeper's own quick retry
 * can bring a node back within the tests' bounds.
 */
class LeaseKeeperTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final Duration STALE_AFTER = Duration.ofMinutes(5);

	private final ScriptedRegistry registry = new ScriptedRegistry();

	private final AtomicInteger leaseLost = new AtomicInteger();

	private LeaseKeeper keeper;

	@AfterEach
	void stop() {
		this.registry.release();
		if (this.keeper != null) {
			this.keeper.stop(false);
		}
	}

	@Test
	void nodeWhoseFirstHeartbeatGotThroughIsAlive() {
		this.keeper = start();
		assertThat(this.keeper.isAlive()).isTrue();
	}

	@Test
	void failedHeartbeatStopsWorkAtOnceAndIsTriedAgainSoon() {
		this.keeper = start();
		this.registry.failing.set(true);
		this.keeper.tick();
		assertThat(this.keeper.isAlive()).isFalse();
		int before = this.registry.heartbeats.get();
		this.registry.failing.set(false);
		await().atMost(Duration.ofSeconds(10)).until(this.keeper::isAlive);
		assertThat(this.registry.heartbeats.get()).isGreaterThan(before);
	}

	@Test
	void heartbeatWaitingOnTheDatabaseLongerThanTheStallStopsWork() throws InterruptedException {
		this.keeper = start();
		CountDownLatch hanging = this.registry.hang();
		Thread heartbeat = new Thread(this.keeper::tick, "test-heartbeat");
		heartbeat.start();
		hanging.await();
		assertThat(this.keeper.isAlive()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.keeper.isAlive());
		this.registry.release();
		heartbeat.join(10_000);
		assertThat(this.keeper.isAlive()).isTrue();
	}

	@Test
	void nodeFoundDeclaredDeadGivesUpItsJobsBeforeItIsAliveAgain() {
		AtomicBoolean aliveWhileGivingUp = new AtomicBoolean(true);
		this.keeper = new LeaseKeeper(this.registry, "node-a", INTERVAL, STALE_AFTER, new JobLifecycleListener() {
		}, () -> {
			aliveWhileGivingUp.set(this.keeper.isAlive());
			this.leaseLost.incrementAndGet();
		}, () -> {
		});
		this.keeper.start(NodeLease.named("node-a"));
		this.registry.known.set(false);
		this.keeper.tick();
		assertThat(this.leaseLost).hasValue(1);
		assertThat(aliveWhileGivingUp).isFalse();
		assertThat(this.keeper.isAlive()).isTrue();
	}

	private LeaseKeeper start() {
		LeaseKeeper started = new LeaseKeeper(this.registry, "node-a", INTERVAL, STALE_AFTER,
				new JobLifecycleListener() {
				}, this.leaseLost::incrementAndGet, () -> {
				});
		started.start(NodeLease.named("node-a"));
		return started;
	}

	/**
	 * A registry whose heartbeats succeed, fail, hang until released, or find the node
	 * unknown, as the test sets.
	 */
	private static final class ScriptedRegistry implements NodeRegistry {

		private final AtomicBoolean failing = new AtomicBoolean();

		private final AtomicBoolean known = new AtomicBoolean(true);

		private final AtomicInteger heartbeats = new AtomicInteger();

		private final AtomicReference<@Nullable CountDownLatch> hold = new AtomicReference<>();

		private final AtomicReference<@Nullable CountDownLatch> reached = new AtomicReference<>();

		CountDownLatch hang() {
			CountDownLatch entered = new CountDownLatch(1);
			this.reached.set(entered);
			this.hold.set(new CountDownLatch(1));
			return entered;
		}

		void release() {
			CountDownLatch held = this.hold.getAndSet(null);
			if (held != null) {
				held.countDown();
			}
		}

		@Override
		public boolean heartbeat(NodeLease lease) {
			this.heartbeats.incrementAndGet();
			CountDownLatch entered = this.reached.getAndSet(null);
			CountDownLatch held = this.hold.get();
			if (entered != null) {
				entered.countDown();
			}
			if (held != null) {
				try {
					held.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (this.failing.get()) {
				throw new DataAccessResourceFailureException("connection refused",
						new SQLException("Connection refused", "08001"));
			}
			return this.known.getAndSet(true);
		}

		@Override
		public Optional<NodeInfo> register(NodeLease lease) {
			return Optional.empty();
		}

		@Override
		public void unregister(NodeLease lease) {
		}

		@Override
		public Set<String> liveHandlers(Duration staleAfter) {
			return Set.of();
		}

		@Override
		public SortedMap<String, Long> unhandledJobs(Duration staleAfter) {
			return new TreeMap<>();
		}

		@Override
		public List<RescuedJob> rescueStaleNodes(Duration staleAfter) {
			return List.of();
		}

		@Override
		public List<NodeInfo> nodes() {
			return List.of();
		}

		@Override
		public List<JobId> cancelRequested(String node) {
			return List.of();
		}

		@Override
		public Instant databaseTime() {
			return Instant.now();
		}

		@Override
		public boolean requestWorkers(String node, boolean run) {
			return false;
		}

		@Override
		public boolean workerWanted(String node) {
			return true;
		}

	}

}
