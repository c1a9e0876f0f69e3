package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.train.LocalTrainingEngine;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingRequest;
import io.wordvec.vocab.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine ({@link StandaloneCluster}: a Master and a Worker
 * on 127.0.0.1) and a training submitted to it through the CLI, {@code java -jar wordvec-spark.jar
 * train --master spark://127.0.0.1:PORT}, as a user would: issue 14's "the standalone master +
 * worker run completes end to end", and its dead executor.
 *
 * <p>It needs the packaged artifact (the jar the driver runs, and {@code lib/}, the jars the
 * Master, the Worker and its executors start from), so {@code spark/pom.xml} runs it in a surefire
 * execution of its own in the {@code integration-test} phase, after {@code package}; the unit test
 * run leaves it out. A class path built from the test JVM's own would not do: the driver ships its
 * jars to the executors, and would leave out wordvec's classes, which a test run loads from
 * directories.
 *
 * <p>Every wait is for an event (a line of a child's output, a process's end), each with a deadline
 * that fails the test with the end of the child's output. Nothing is skipped: without the packaged
 * artifact or a loopback interface the test fails, saying so.
 *
 * <p>Time, on the project's 2-core machine shared with other builds: 66 s for both at load average
 * 8-9, the run 27 s and the dead executor 39 s (20 s of which is its executor timeout); 87 s at
 * load 16. Each case starts its own cluster, about 5 s (BENCHMARKS.md, "A standalone cluster on
 * this machine").
 */
class StandaloneClusterIntegrationTests {

  /** The driver's jar and the folder of jars beside it; set by the pom's execution. */
  static final Path JAR =
      Path.of(System.getProperty("wordvec.spark.jar", "target/wordvec-spark.jar"));

  static final Path LIB = Path.of(System.getProperty("wordvec.spark.lib", "target/lib"));

  /** How long a driver may take to reach its first sync, or its end: minutes when loaded. */
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);

  private static final Predicate<String> SYNC = line -> line.startsWith("{\"event\":\"sync\"");

  @TempDir Path dir;

  @BeforeAll
  static void theArtifactIsPackaged() {
    assertTrue(
        Files.isRegularFile(JAR) && Files.isDirectory(LIB),
        "the cluster test needs the packaged artifact ("
            + JAR.toAbsolutePath()
            + " and "
            + LIB.toAbsolutePath()
            + "): run it with `./mvnw -f spark/pom.xml verify`, which packages first");
  }

  @Test
  void aTrainingSubmittedToTheClusterWritesAModelAndLeavesNoProcessBehind() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path model = out.resolve("hamlet.wvm");
    List<ProcessHandle> executors;
    List<String> progress;
    try (StandaloneCluster cluster = StandaloneCluster.start(LIB, dir)) {
      try (ChildJvm driver =
          startHamletRun(
              cluster,
              model,
              "--tokenizer",
              "normalizing",
              "--epochs",
              "1",
              "--words-per-sync",
              "5000")) {
        driver.awaitOutput("a sync", SYNC, RUN_TIMEOUT);
        executors = cluster.executors();
        assertEquals(0, driver.awaitExit(RUN_TIMEOUT), driver.err().tail(40));
        progress = driver.out().lines();
      }
      // the Worker, not the driver, ran the tasks
      cluster
          .worker()
          .err()
          .await(
              "launching an executor",
              line -> line.contains("Asked to launch executor"),
              Duration.ZERO);
    }
    // closing the cluster failed the test if any of its processes was left running
    assertTrue(executors.stream().noneMatch(ProcessHandle::isAlive), "executors: " + executors);

    JsonNode summary = event(progress, "summary");
    assertTrue(summary.path("syncs").asInt() >= 2, "summary: " + summary);
    LoadedModel loaded = ModelFiles.load(model);
    assertEquals(16, loaded.vectors().dimension());
    TrainedModel local =
        new LocalTrainingEngine()
            .train(
                new TrainingRequest(
                    SparkTrainingEngineTests.HAMLET,
                    TrainingConfig.builder().dimension(16).minCount(3).epochs(1).threads(1).build(),
                    Tokenizer.normalizing(),
                    null,
                    null));
    assertEquals(local.vocabulary().words(), loaded.vectors().vocabulary().words());
  }

  @Test
  void aWorkerThatDiesMidRunFailsTheTrainingWithItsReasonAndWritesNoModel() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    List<ProcessHandle> executors;
    List<String> errors;
    try (StandaloneCluster cluster = StandaloneCluster.start(LIB, dir)) {
      // Many short rounds: the run is still syncing when the Worker dies. The timeout also bounds
      // the executor's start (the driver counts it from its own start): 12 s at load 11 here.
      try (ChildJvm driver =
          startHamletRun(
              cluster,
              out.resolve("never.wvm"),
              "--epochs",
              "20",
              "--words-per-sync",
              "1000",
              "--conf",
              ExecutorWatch.TIMEOUT_PROPERTY + "=20s")) {
        driver.awaitOutput("a sync", SYNC, RUN_TIMEOUT);
        executors = cluster.executors();
        assertFalse(executors.isEmpty(), "the Worker runs an executor while the run syncs");
        cluster.killWorker();
        assertEquals(1, driver.awaitExit(RUN_TIMEOUT), driver.err().tail(40));
        errors = driver.err().lines();
      }
    }
    assertTrue(executors.stream().noneMatch(ProcessHandle::isAlive), "executors: " + executors);
    assertTrue(
        errors.stream()
            .anyMatch(
                line ->
                    line.startsWith("wordvec train:")
                        && line.contains("the run lost its last executor")
                        && line.contains("nothing was written")),
        String.join("\n", errors));
    try (Stream<Path> written = Files.list(out)) {
      assertEquals(List.of(), written.toList(), "no model, no partial file");
    }
  }

  /**
   * {@code java -jar wordvec-spark.jar train --master <the cluster> options...}, with the flags the
   * service starts its drivers with. No web UI; its scratch directories in the test's directory;
   * its standard input open, so that it stops by itself if this JVM dies.
   */
  /**
   * A driver training 16 dimensions over Hamlet (min-count 3) in 2 partitions into {@code output},
   * with {@code options} on top.
   */
  private ChildJvm startHamletRun(StandaloneCluster cluster, Path output, String... options)
      throws IOException {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--corpus",
                SparkTrainingEngineTests.HAMLET.toString(),
                "--output",
                output.toString(),
                "--dim",
                "16",
                "--min-count",
                "3",
                "--partitions",
                "2"));
    all.addAll(List.of(options));
    return startDriver(cluster, all.toArray(String[]::new));
  }

  private ChildJvm startDriver(StandaloneCluster cluster, String... options) throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-jar",
                JAR.toString(),
                "train",
                "--master",
                cluster.masterUrl(),
                "--quiet",
                "--exit-when-stdin-closes",
                "--conf",
                "spark.ui.enabled=false"));
    arguments.addAll(List.of(options));
    Path local = Files.createDirectories(dir.resolve("driver-local"));
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    jvm.addAll(SparkJvm.FLAGS);
    return ChildJvm.start(
        "the wordvec-spark driver",
        jvm,
        arguments,
        Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOCAL_DIRS", local.toString()));
  }

  /** The driver's JSON progress line of that event. */
  private static JsonNode event(List<String> lines, String name) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      if (line.startsWith("{")) {
        JsonNode node = json.readTree(line);
        if (name.equals(node.path("event").asText())) {
          return node;
        }
      }
    }
    throw new AssertionError("no " + name + " event in:\n" + String.join("\n", lines));
  }
}
