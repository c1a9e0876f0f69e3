package io.wordvec.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for a test, as {@code bench/spark-standalone.sh} starts
 * one: a Master and one Worker, child JVMs started from the artifact's {@code lib/} folder with the
 * flags of Spark's own launcher ({@link SparkJvm#FLAGS}). Their ports are the ones they bind (port
 * 0), read from their log; their web UIs bind port 0 too.
 *
 * <p>The Worker starts executors with the class path {@code SPARK_HOME/jars/*}: SPARK_HOME is a
 * directory of the test whose {@code jars/} holds symbolic links to {@code lib/}'s jars, and whose
 * empty {@code RELEASE} file marks it a distribution (else Spark looks for a source build's
 * folders). wordvec's own jars reach the executors through {@code spark.jars}, set by the driver.
 *
 * <p>Closing it stops the Worker (its shutdown hook kills its executors) and the Master, then fails
 * if any process of the cluster is still running: every executor the Worker was seen to start, and
 * any process whose command line names this SPARK_HOME (an executor's class path does).
 */
final class StandaloneCluster implements AutoCloseable {

  /** How long the Master and the Worker may take to start: minutes on a loaded 2-core machine. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** Worker cores, and the memory it offers (Spark's default executor memory, 1g). */
  static final int CORES = 2;

  static final String MEMORY = "1g";

  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");

  private final Path sparkHome;
  private final ChildJvm master;
  private final String masterUrl;
  private final Set<ProcessHandle> executorsSeen = new LinkedHashSet<>();
  private final Thread killOnExit;
  private ChildJvm worker;

  private StandaloneCluster(Path sparkHome, ChildJvm master, String masterUrl) {
    this.sparkHome = sparkHome;
    this.master = master;
    this.masterUrl = masterUrl;
    // if the test JVM is stopped (not killed) mid-test, the cluster goes with it
    this.killOnExit =
        new Thread(
            () -> {
              Stream.of(this.worker, master)
                  .filter(jvm -> jvm != null)
                  .forEach(jvm -> jvm.handle().destroyForcibly());
            },
            "stop the test's Spark cluster");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts the Master and then the Worker, returning once the Worker has registered with the
   * Master.
   *
   * @param lib the jars to start them from (Spark's and its dependencies)
   * @param dir an empty directory of the test, for SPARK_HOME
   * @throws AssertionError naming what did not start, with the end of its log
   */
  static StandaloneCluster start(Path lib, Path dir) throws IOException, InterruptedException {
    Path sparkHome = dir.resolve("spark-home");
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    try (Stream<Path> libJars = Files.list(lib)) {
      for (Path jar : libJars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
      }
    }
    Files.createFile(sparkHome.resolve("RELEASE"));
    ChildJvm master =
        ChildJvm.start(
            "the Spark Master",
            daemonOptions(sparkHome),
            List.of(
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--webui-port",
                "0"),
            environment(sparkHome));
    StandaloneCluster cluster;
    try {
      Matcher url =
          MASTER_URL.matcher(
              master.err().await("its URL", MASTER_URL.asPredicate(), START_TIMEOUT));
      url.find();
      cluster = new StandaloneCluster(sparkHome, master, url.group(1));
    } catch (AssertionError | InterruptedException e) {
      master.close();
      throw e;
    }
    try {
      cluster.startWorker();
    } catch (AssertionError | IOException | InterruptedException e) {
      try {
        cluster.close();
      } catch (AssertionError | IOException | InterruptedException stopping) {
        e.addSuppressed(stopping);
      }
      throw e;
    }
    return cluster;
  }

  private void startWorker() throws IOException, InterruptedException {
    worker =
        ChildJvm.start(
            "the Spark Worker",
            daemonOptions(sparkHome),
            List.of(
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                Integer.toString(CORES),
                "--memory",
                MEMORY,
                "--webui-port",
                "0",
                "--work-dir",
                sparkHome.resolve("work").toString(),
                masterUrl),
            environment(sparkHome));
    worker
        .err()
        .await(
            "registering with " + masterUrl,
            line -> line.contains("Successfully registered with master"),
            START_TIMEOUT);
  }

  /**
   * Master and Worker do little work: C1 alone and the serial collector start them faster on a
   * small machine; a small heap leaves the memory to the executor.
   */
  private static List<String> daemonOptions(Path sparkHome) {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    options.add("-XX:+UseSerialGC");
    options.addAll(SparkJvm.FLAGS);
    options.add("-cp");
    options.add(sparkHome.resolve("jars") + "/*");
    return options;
  }

  /**
   * What Spark's scripts would export. SPARK_LOCAL_IP keeps every address of the cluster, the
   * executors' included (they inherit the Worker's environment), on the loopback interface;
   * SPARK_LOCAL_DIRS keeps the executors' scratch directories in the test's directory, since an
   * executor whose Worker was killed leaves them behind.
   */
  private static Map<String, String> environment(Path sparkHome) {
    return Map.of(
        "SPARK_HOME",
        sparkHome.toString(),
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "SPARK_LOCAL_DIRS",
        sparkHome.resolve("local").toString());
  }

  /** {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return masterUrl;
  }

  ChildJvm worker() {
    return worker;
  }

  /** The processes the Worker runs now (its executors); remembered for the check at close. */
  List<ProcessHandle> executors() {
    List<ProcessHandle> now = worker.handle().descendants().toList();
    executorsSeen.addAll(now);
    return now;
  }

  /** Kills the Worker outright (SIGKILL), as a machine that dies would: its executors lose it. */
  void killWorker() throws InterruptedException {
    worker.kill();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Set<ProcessHandle> watched = new LinkedHashSet<>(executorsSeen);
    try {
      watched.addAll(processesOfThisCluster());
      if (worker != null) {
        watched.addAll(worker.handle().descendants().toList());
        worker.close();
      }
      master.close();
    } finally {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
    watched.addAll(processesOfThisCluster());
    long deadline = System.nanoTime() + ChildJvm.STOP_TIMEOUT.toNanos();
    List<String> left = new ArrayList<>();
    for (ProcessHandle process : watched) {
      if (!ended(process, deadline)) {
        left.add(process.pid() + " " + process.info().commandLine().orElse("(command unknown)"));
        process.destroyForcibly();
      }
    }
    if (!left.isEmpty()) {
      throw new AssertionError(
          "processes of the cluster still ran "
              + ChildJvm.STOP_TIMEOUT.toSeconds()
              + " s after it stopped (now killed):\n"
              + String.join("\n", left));
    }
    removeJarLinks();
  }

  /**
   * The links go once nothing runs from them: JUnit would delete them too, but warns about each
   * link to a file outside its directory (lib/'s 139 jars).
   */
  private void removeJarLinks() throws IOException {
    try (Stream<Path> links = Files.list(sparkHome.resolve("jars"))) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
  }

  /** Processes whose command line names this SPARK_HOME: the Master, the Worker, executors. */
  private List<ProcessHandle> processesOfThisCluster() {
    String home = sparkHome.toString();
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(p -> p.info().commandLine().map(line -> line.contains(home)).orElse(false))
        .collect(Collectors.toList());
  }

  private static boolean ended(ProcessHandle process, long deadline) throws InterruptedException {
    try {
      process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
