package io.wordvec.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM a test starts as a child process, with its standard output and error each read as they come
 * ({@link OutputLines}). Closing it stops it: asked first (SIGTERM, so that its shutdown hooks run,
 * Spark's among them), killed if it has not ended in time.
 */
final class ChildJvm implements AutoCloseable {

  /** How long a stop waits before it kills. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final OutputLines out;
  private final OutputLines err;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.out = OutputLines.read(name + " (stdout)", process.getInputStream());
    this.err = OutputLines.read(name + " (stderr)", process.getErrorStream());
  }

  /**
   * Starts {@code java jvmOptions... arguments...} with this JVM's own java, the environment of
   * this process without its {@code SPARK_*} variables (a machine's own Spark settings must not
   * reach the test's cluster) plus {@code environment}. Its standard input stays open while this
   * process lives.
   */
  static ChildJvm start(
      String name, List<String> jvmOptions, List<String> arguments, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("SPARK_"));
    builder.environment().putAll(environment);
    return new ChildJvm(name, builder.start());
  }

  String name() {
    return name;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Standard output. */
  OutputLines out() {
    return out;
  }

  /** Standard error, where Spark logs. */
  OutputLines err() {
    return err;
  }

  /**
   * The first line of standard output {@code match} accepts, as {@link OutputLines#await}; a
   * failure shows the end of standard error too, where the reason usually is.
   */
  String awaitOutput(String what, Predicate<String> match, Duration timeout)
      throws InterruptedException {
    try {
      return out.await(what, match, timeout);
    } catch (AssertionError e) {
      // if the process ended, the rest of its error output is still on its way
      err.awaitEnd(process.isAlive() ? Duration.ZERO : STOP_TIMEOUT);
      throw new AssertionError(e.getMessage() + "\n" + name + " (stderr):\n" + err.tail(30), e);
    }
  }

  /**
   * Waits at most {@code timeout} for the process to end, and for its output to be read to the end.
   *
   * @return its exit code
   * @throws AssertionError if it is still running then (it is left running: closing stops it)
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          name
              + " still running after "
              + timeout.toSeconds()
              + " s; its last lines:\n"
              + err.tail(30)
              + "\n"
              + out.tail(10));
    }
    out.awaitEnd(STOP_TIMEOUT);
    err.awaitEnd(STOP_TIMEOUT);
    return process.exitValue();
  }

  /** Kills the process at once (SIGKILL: no shutdown hook runs) and waits for it to end. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not end " + STOP_TIMEOUT.toSeconds() + " s after kill");
    }
  }

  /** Stops the process as described in the class comment; nothing if it has already ended. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }
}
