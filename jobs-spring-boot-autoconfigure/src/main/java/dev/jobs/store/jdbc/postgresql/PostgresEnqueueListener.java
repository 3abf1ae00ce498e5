package dev.jobs.store.jdbc.postgresql;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Listens, on PostgreSQL, to the notifications that
 * {@link dev.jobs.store.jdbc.JdbcJobWriter} sends when jobs are enqueued on any node, and
 * calls back with each one's queue name, so that this node's worker polls at once instead
 * of at its next poll interval.
 *
 * <p>
 * It holds one connection of its own, taken from the data source, that runs
 * {@code LISTEN} on the {@link dev.jobs.store.jdbc.TablePrefix#enqueueChannel() channel}
 * of the table prefix, and one daemon thread, {@code jobs-listener}, that waits for
 * notifications on it. When the connection fails (a database restart, a terminated
 * backend) it is closed and taken again with a jittered backoff from 100 ms doubling up
 * to 5 s; a warning is logged once per outage. Once listening again it calls back once
 * with {@code null}, since jobs may have been enqueued while it could not hear them.
 * Polling remains the safety net throughout.
 */
public class PostgresEnqueueListener implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(PostgresEnqueueListener.class);

	private static final int WAIT_MILLIS = 500;

	private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

	private static final long MIN_BACKOFF_MILLIS = 100;

	private static final long MAX_BACKOFF_MILLIS = 5000;

	private final DataSource dataSource;

	private final String channel;

	private final Consumer<@Nullable String> callback;

	private final Object monitor = new Object();

	private volatile boolean running;

	private volatile boolean listening;

	private volatile @Nullable Integer backendPid;

	private volatile @Nullable ListeningConnection connection;

	private @Nullable Thread thread;

	/**
	 * Create a listener; it listens once {@link #start() started}.
	 * @param dataSource the PostgreSQL data source to take the connection from
	 * @param channel the channel, such as
	 * {@link dev.jobs.store.jdbc.TablePrefix#enqueueChannel()}
	 * @param callback called on the listener's thread with the queue name of each
	 * notification, and with {@code null} after a reconnection, when any queue may have
	 * new jobs
	 */
	public PostgresEnqueueListener(DataSource dataSource, String channel, Consumer<@Nullable String> callback) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.callback = callback;
	}

	/**
	 * Start listening on a thread of its own; does nothing if started already.
	 */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread listener = new Thread(this::run, "jobs-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	/**
	 * Stop listening and close the connection; does nothing if stopped already.
	 */
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
		Thread listener = this.thread;
		if (listener != null) {
			try {
				listener.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
		// normally closed by the listener's thread; closed here if it is stuck
		closeQuietly(this.connection);
		this.connection = null;
		this.listening = false;
		this.backendPid = null;
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether it is started.
	 * @return whether it runs
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether its connection listens now.
	 * @return whether notifications reach it
	 */
	public boolean isListening() {
		return this.listening;
	}

	/**
	 * The process id of the database backend of its connection, as
	 * {@code pg_backend_pid()} returned it.
	 * @return the pid, or {@code null} while not listening
	 */
	public @Nullable Integer backendPid() {
		return this.listening ? this.backendPid : null;
	}

	/**
	 * The channel it listens on.
	 * @return the channel name
	 */
	public String channel() {
		return this.channel;
	}

	private void run() {
		long backoff = MIN_BACKOFF_MILLIS;
		boolean outage = false;
		boolean listenedBefore = false;
		while (this.running) {
			try {
				listen();
				backoff = MIN_BACKOFF_MILLIS;
				if (outage) {
					logger.info("Listening again to enqueue notifications on channel " + this.channel);
					outage = false;
				}
				if (listenedBefore) {
					notifyCallback(null);
				}
				listenedBefore = true;
				receive();
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				if (!outage) {
					logger.warn("Not listening to enqueue notifications on channel " + this.channel
							+ ", retrying; other nodes' jobs are picked up by polling meanwhile: " + ex);
					outage = true;
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Still not listening to enqueue notifications on channel " + this.channel, ex);
				}
			}
			finally {
				disconnect();
			}
			if (this.running) {
				pause(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
				backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
			}
		}
	}

	private void listen() throws SQLException {
		ListeningConnection listenerConnection = new ListeningConnection(this.dataSource.getConnection());
		this.connection = listenerConnection;
		this.backendPid = listenerConnection.listen(this.channel);
		this.listening = true;
	}

	private void receive() throws SQLException {
		ListeningConnection listenerConnection = this.connection;
		long lastHeard = System.nanoTime();
		while (this.running && listenerConnection != null) {
			List<String> queues = listenerConnection.await(WAIT_MILLIS);
			if (!queues.isEmpty()) {
				lastHeard = System.nanoTime();
				queues.forEach(this::notifyCallback);
			}
			else if (System.nanoTime() - lastHeard > CHECK_AFTER_IDLE_NANOS) {
				// a connection whose peer vanished silently hears nothing, forever
				if (!listenerConnection.isValid(5)) {
					throw new SQLException("The connection listening on channel " + this.channel + " is not valid");
				}
				lastHeard = System.nanoTime();
			}
		}
	}

	private void notifyCallback(@Nullable String queue) {
		try {
			this.callback.accept(queue);
		}
		catch (RuntimeException ex) {
			logger.warn("Enqueue notification callback failed", ex);
		}
	}

	private void disconnect() {
		this.listening = false;
		ListeningConnection listenerConnection = this.connection;
		this.connection = null;
		closeQuietly(listenerConnection);
	}

	private void pause(long millis) {
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			try {
				this.monitor.wait(Math.max(1, millis));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

	private static void closeQuietly(@Nullable ListeningConnection connection) {
		if (connection != null) {
			connection.closeQuietly();
		}
	}

}
