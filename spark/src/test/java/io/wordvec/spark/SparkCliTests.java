package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkCliTests {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SparkCli.run(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true), args);
  }

  @Test
  void trainWritesAModelTheServiceLoadsAndProgressAsJsonLines() throws Exception {
    Path model = dir.resolve("hamlet.wvm");
    int code =
        run(
            "train",
            "--master",
            "local[2]",
            "--corpus",
            SparkTrainingEngineTests.HAMLET.toString(),
            "--output",
            model.toString(),
            "--tokenizer",
            "normalizing",
            "--dim",
            "16",
            "--min-count",
            "3",
            "--epochs",
            "2",
            "--partitions",
            "2",
            "--words-per-sync",
            "5000");
    assertEquals(0, code, err.toString());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      events.add(json.readTree(line));
    }
    assertTrue(events.stream().anyMatch(e -> "vocabulary".equals(e.path("phase").asText())));
    JsonNode last =
        events.stream()
            .filter(e -> "progress".equals(e.path("event").asText()))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertEquals("training", last.path("phase").asText());
    assertEquals(last.path("wordsExpected").asLong(), last.path("wordsProcessed").asLong());
    assertTrue(last.path("wordsPerSecond").asDouble() > 0);
    List<JsonNode> epochs =
        events.stream().filter(e -> "epoch".equals(e.path("event").asText())).toList();
    assertEquals(2, epochs.size());
    assertTrue(epochs.get(1).path("meanLoss").asDouble() > 0);
    JsonNode summary =
        events.stream()
            .filter(e -> "summary".equals(e.path("event").asText()))
            .findFirst()
            .orElseThrow();
    assertTrue(summary.path("syncs").asInt() >= 2);
    assertTrue(
        summary.path("syncShare").asDouble() >= 0 && summary.path("syncShare").asDouble() <= 1);

    LoadedModel loaded = ModelFiles.load(model);
    assertEquals(16, loaded.vectors().dimension());
    assertNotEquals(null, loaded.trainedModel(), "a full native model, fine-tunable");
    assertTrue(loaded.vectors().vocabulary().contains("hamlet"));
  }

  @Test
  void anUnknownMasterEndsWithAClearMessageAndNoModel() {
    Path model = dir.resolve("never.wvm");
    int code =
        run(
            "train",
            "--master",
            "nowhere://cluster",
            "--corpus",
            SparkTrainingEngineTests.HAMLET.toString(),
            "--output",
            model.toString());
    assertNotEquals(0, code);
    assertTrue(
        err.toString().contains("cannot start Spark on master 'nowhere://cluster'"),
        err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    assertFalse(Files.exists(model));
  }

  @Test
  void aBadSparkOptionIsAUsageError() {
    int code =
        run(
            "train",
            "--partitions",
            "0",
            "--corpus",
            SparkTrainingEngineTests.HAMLET.toString(),
            "--output",
            dir.resolve("m.wvm").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--partitions must be between 1"), err.toString());
  }

  @Test
  void anUnknownMergeRuleIsAUsageError() {
    int code =
        run(
            "train",
            "--merge",
            "sum",
            "--corpus",
            SparkTrainingEngineTests.HAMLET.toString(),
            "--output",
            dir.resolve("m.wvm").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--merge must be adasum or mean"), err.toString());
    assertFalse(Files.exists(dir.resolve("m.wvm")));
  }

  @Test
  void anUnreachableMasterEndsAtOnceWithAClearMessageAndNoModel() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path model = dir.resolve("never.wvm");
    int code =
        run(
            "train",
            "--master",
            "spark://127.0.0.1:" + port,
            "--corpus",
            SparkTrainingEngineTests.HAMLET.toString(),
            "--output",
            model.toString());
    assertEquals(1, code, err.toString());
    assertTrue(
        err.toString()
            .contains("wordvec train: cannot reach the Spark master spark://127.0.0.1:" + port),
        err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    assertFalse(Files.exists(model));
  }

  @Test
  void aCorpusTheClusterCannotReadEndsWithAClearMessageAndNoModel() {
    Path model = dir.resolve("never.wvm");
    int code =
        run(
            "train",
            "--master",
            "local[1]",
            "--corpus",
            dir.resolve("no-such-corpus.txt").toString(),
            "--output",
            model.toString());
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().contains("wordvec train: Spark training failed:"), err.toString());
    assertTrue(err.toString().contains("no-such-corpus.txt"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    assertFalse(Files.exists(model));
  }

  @Test
  void theBatchedKernelIsRefusedBeforeSparkStarts() {
    Path model = dir.resolve("never.wvm");
    int code =
        run(
            "train",
            "--master",
            "local[1]",
            "--corpus",
            SparkTrainingEngineTests.HAMLET.toString(),
            "--output",
            model.toString(),
            "--kernel",
            "batched");
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("the Spark engine trains per pair"), err.toString());
    assertFalse(Files.exists(model));
  }
}
