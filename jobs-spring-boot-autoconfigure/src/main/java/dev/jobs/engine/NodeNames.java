package dev.jobs.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes default node names: host name, process id and a short random suffix, so that two
 * processes on one host, or one process restarted, never share a name.
 */
public final class NodeNames {

	private NodeNames() {
	}

	/**
	 * A new node name.
	 * @return the name
	 */
	public static String generate() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		String suffix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
		String name = host + "-" + ProcessHandle.current().pid() + "-" + suffix;
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

}
