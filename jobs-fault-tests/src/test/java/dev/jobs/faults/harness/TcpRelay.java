package dev.jobs.faults.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between nodes and the database, in the test JVM. The test can
 * {@linkplain #stall() stall} it (bytes stop flowing, every socket stays open) and
 * {@linkplain #cut() cut} it (every socket closed, new connections refused) until it
 * {@linkplain #restore() restores} it.
 */
public final class TcpRelay implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object flow = new Object();

	private volatile boolean stalled;

	private volatile ServerSocket server;

	/**
	 * Start a relay on a free port to the given port of 127.0.0.1.
	 * @param targetPort the database's port
	 */
	public TcpRelay(int targetPort) {
		this.targetPort = targetPort;
		this.port = Shell.freePort();
		listen();
		Cleanup.register(this);
	}

	/**
	 * The port the relay listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Stop forwarding bytes; the sockets stay open and new connections are accepted but
	 * get no answer.
	 */
	public void stall() {
		this.stalled = true;
	}

	/**
	 * Close every socket and refuse new connections.
	 */
	public synchronized void cut() {
		closeServer();
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	/**
	 * Forward again, and accept connections again after a cut.
	 */
	public synchronized void restore() {
		synchronized (this.flow) {
			this.stalled = false;
			this.flow.notifyAll();
		}
		if (this.server == null) {
			listen();
		}
	}

	private synchronized void listen() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			this.server = socket;
			Thread acceptor = new Thread(() -> accept(socket), "relay-accept-" + this.port);
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not listen on port " + this.port + ": " + ex.getMessage(), ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket upstream;
				try {
					upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				}
				catch (IOException ex) {
					closeQuietly(client);
					continue;
				}
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed by cut()
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					awaitFlow();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side closed, or the relay was cut
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "relay-pump-" + this.port);
		thread.setDaemon(true);
		thread.start();
	}

	private void awaitFlow() throws InterruptedException {
		synchronized (this.flow) {
			while (this.stalled) {
				this.flow.wait();
			}
		}
	}

	private void closeServer() {
		ServerSocket socket = this.server;
		this.server = null;
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closed already
			}
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	@Override
	public void close() {
		restore();
		cut();
		Cleanup.unregister(this);
	}

	@Override
	public String toString() {
		return "relay " + this.port + " -> " + this.targetPort;
	}

}
