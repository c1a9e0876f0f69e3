package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Jobs with {@code "engine": "spark"} through HTTP: the service starts its driver as a child
 * process ({@link FakeSparkDriver}, since the real jar is built after these tests) and shows what
 * the driver reports as it does for local jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(60)
class SparkJobsIntegrationTests {

  @TempDir static Path dir;

  private static Path jar;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wordvec.data.dir", () -> dir.resolve("data").toString());
    registry.add("wordvec.models.dir", () -> dir.resolve("models").toString());
    registry.add("wordvec.jobs.max-running", () -> "1");
    registry.add("wordvec.spark.jar", SparkJobsIntegrationTests::fakeJar);
    registry.add("wordvec.spark.master", () -> "local[2]");
    registry.add("wordvec.spark.jvm-options", () -> "-Xmx96m");
  }

  private static synchronized String fakeJar() {
    if (jar == null) {
      jar = FakeSparkDriver.jar(dir);
    }
    return jar.toString();
  }

  @LocalServerPort int port;

  private Http http() {
    return new Http(port);
  }

  private String upload(String... lines) {
    Http.Response r =
        http()
            .post(
                "/api/v1/corpora",
                "text/plain",
                (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private Http.Response submit(String corpus, String output) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "train");
    body.put("engine", "spark");
    body.put("partitions", 2);
    body.put("corpus", corpus);
    body.put("outputModel", output);
    body.put("params", Map.of("dim", 8, "epochs", 2, "minCount", 1));
    return http().postJson("/api/v1/jobs", body);
  }

  private String submitted(String corpus, String output) {
    Http.Response r = submit(corpus, output);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("engine").asString()).isEqualTo("spark");
    return r.json().get("id").asString();
  }

  @Test
  void aSparkJobRecordsItsDriversProgressAndLossesAndPublishesItsModel() throws Exception {
    String corpus = upload("succeed", "", "the cat sat on the mat", "a dog sat on a log");
    String id = submitted(corpus, "on-spark");

    JsonNode end = http().awaitEnd(id);

    assertThat(end.get("state").asString()).as(end.toString()).isEqualTo("SUCCEEDED");
    assertThat(end.get("model").asString()).isEqualTo("on-spark");
    assertThat(end.get("engine").asString()).isEqualTo("spark");
    assertThat(end.get("partitions").asInt()).isEqualTo(2);
    // not asked for: the driver's default rule, recorded
    assertThat(end.get("merge").asString()).isEqualTo("adasum");
    // skip-gram, kernel unset: the record says what the driver runs, not the local default
    assertThat(end.get("params").get("kernel").asString()).isEqualTo("pair");
    assertThat(end.get("wordsPerSecond").asDouble()).isEqualTo(12345.0);
    assertThat(end.get("losses")).hasSize(2);
    assertThat(end.get("losses").get(1).get("loss").asDouble()).isEqualTo(50.0);
    assertThat(end.has("error")).isFalse();
    Http.Response model = http().get("/api/v1/models/on-spark");
    assertThat(model.status()).as(model.body()).isEqualTo(200);
    assertThat(http().get("/api/v1/models/on-spark/vectors/cat").status()).isEqualTo(200);
    assertThat(workDirectory(id)).doesNotExist();
  }

  @Test
  void progressReachesTheEventStreamAndCancelStopsTheDriver() throws Exception {
    Path pids = dir.resolve("pids-" + System.nanoTime());
    String corpus = upload("hang", pids.toString(), "the cat sat on the mat");
    String id = submitted(corpus, "cancelled-on-spark");

    try (Http.EventStream events = http().events("/api/v1/jobs/" + id + "/events")) {
      Http.Event training =
          events.until(
              e ->
                  e.name().equals("end")
                      || "training".equals(e.data().path("phase").asString(null)));
      assertThat(training.name()).as(training.data().toString()).isEqualTo("progress");
      assertThat(training.data().get("wordsPerSecond").asDouble()).isEqualTo(12345.0);
      assertThat(training.data().get("epoch").asInt()).isEqualTo(1);

      Http.Response cancel = http().delete("/api/v1/jobs/" + id);
      assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
      Http.Event end = events.until(e -> e.name().equals("end"));
      assertThat(end.data().get("state").asString()).isEqualTo("CANCELLED");
    }
    for (String pid : Files.readString(pids).trim().split(" ")) {
      assertThat(ProcessHandle.of(Long.parseLong(pid)).map(SparkJobsIntegrationTests::running))
          .as("process %s is gone", pid)
          .isNotEqualTo(java.util.Optional.of(true));
    }
    assertThat(http().get("/api/v1/models/cancelled-on-spark").status()).isEqualTo(404);
    assertThat(workDirectory(id)).doesNotExist();
  }

  @Test
  void aFailedDriverFailsTheJobWithItsReasonAndPublishesNothing() {
    String corpus = upload("fail", "", "the cat sat on the mat");
    String id = submitted(corpus, "failed-on-spark");

    JsonNode end;
    try {
      end = http().awaitEnd(id);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    assertThat(end.get("state").asString()).isEqualTo("FAILED");
    assertThat(end.get("error").asString())
        .isEqualTo("Spark training failed: Input path does not exist: " + corpus + ".txt")
        .doesNotContain("/")
        .doesNotContain("\tat ");
    assertThat(http().get("/api/v1/models/failed-on-spark").status()).isEqualTo(404);
  }

  @Test
  void anUnknownEngineIsA400ListingTheEngines() {
    String corpus = upload("succeed", "", "the cat sat on the mat");
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("type", "train");
    unknown.put("engine", "mapreduce");
    unknown.put("corpus", corpus);
    unknown.put("outputModel", "x");
    Http.Response r = http().postJson("/api/v1/jobs", unknown);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-job-request");
    assertThat(r.json().get("detail").asString())
        .contains("engine: must be one of local, spark, was 'mapreduce'");
  }

  @Test
  void theApiDocsShowTheEngineWithItsValuesAndAnExample() {
    JsonNode request =
        http().get("/v3/api-docs").json().path("components").path("schemas").path("JobRequest");
    JsonNode engine = request.path("properties").path("engine");

    assertThat(engine.path("example").asString()).as(request.toString()).isEqualTo("spark");
    assertThat(engine.path("enum").toString()).contains("local").contains("spark");
    assertThat(request.path("properties").path("partitions").path("example").asInt()).isEqualTo(2);
  }

  private static Path workDirectory(String id) {
    return dir.resolve("data").resolve("jobs").resolve(id);
  }

  /** Alive and not a zombie waiting for its new parent to reap it. */
  private static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return process.isAlive();
    }
  }
}
