package io.wordvec.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Checks that a standalone master ({@code spark://host:port}, or several for high availability) can
 * be reached before Spark starts: Spark's own client retries a master that does not answer for a
 * minute before it gives up, with a message about unresponsive masters, where a refused connection
 * says at once what is wrong.
 */
final class MasterCheck {

  /** How long one connection attempt may take. */
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  /** A standalone master's port when the URL names none. */
  private static final int DEFAULT_PORT = 7077;

  private MasterCheck() {}

  /**
   * Returns if {@code master} is not a standalone master URL, or if one of its masters accepts a
   * connection.
   *
   * @throws IllegalArgumentException naming the master and why none could be reached
   */
  static void requireReachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    String why = "no host given";
    for (String address : master.substring("spark://".length()).split(",")) {
      String hostPort = address.trim();
      if (hostPort.isEmpty()) {
        continue;
      }
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port;
      try {
        port = colon < 0 ? DEFAULT_PORT : Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the Spark master URL " + master + " has a port that is not a number");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        return;
      } catch (IOException e) {
        why =
            host
                + ":"
                + port
                + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
    }
    throw new IllegalArgumentException(
        "cannot reach the Spark master " + master + " (" + why + "); is it running?");
  }
}
