package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.models.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The jobs and corpora API through HTTP, with the real trainer on the small test corpora. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class JobsIntegrationTests {

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wordvec.data.dir", () -> dir.resolve("data").toString());
    registry.add("wordvec.models.dir", () -> dir.resolve("models").toString());
    registry.add("wordvec.jobs.max-running", () -> "1");
    registry.add("wordvec.jobs.max-queued", () -> "1");
    registry.add("wordvec.jobs.threads", () -> "2");
    registry.add("wordvec.corpora.max-size", () -> "2MB");
    registry.add("wordvec.jobs.events-heartbeat", () -> "200ms");
  }

  @LocalServerPort int port;

  @Autowired ModelRegistry registry;

  private Http http() {
    return new Http(port);
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = JobsIntegrationTests.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private String upload(String resource) throws IOException {
    Http.Response r = http().post("/api/v1/corpora", "text/plain", resource(resource));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  private Http.Response submit(Map<String, Object> body) {
    return http().postJson("/api/v1/jobs", body);
  }

  private static Map<String, Object> train(String corpus, String output, Map<String, ?> params) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "train");
    body.put("corpus", corpus);
    body.put("outputModel", output);
    body.put("params", params);
    return body;
  }

  private static Map<String, Object> smallParams(int epochs) {
    return Map.of("dim", 24, "epochs", epochs, "minCount", 3, "threads", 2, "seed", 3);
  }

  private List<String> neighbours(String model, String word, int topn) {
    Http.Response r =
        http().get("/api/v1/models/" + model + "/neighbors?word=" + word + "&topn=" + topn);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> words = new ArrayList<>();
    JsonNode list = r.json().has("neighbors") ? r.json().get("neighbors") : r.json();
    list.forEach(n -> words.add(n.get("word").asString()));
    return words;
  }

  private List<Path> modelFiles(String model) throws IOException {
    Path models = dir.resolve("models");
    if (!Files.isDirectory(models)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(models)) {
      return files.filter(f -> f.getFileName().toString().startsWith(model)).toList();
    }
  }

  @Test
  void uploadTrainAndQueryTheNewModel() throws IOException {
    String corpus = upload("/corpora/hamlet.txt");
    JsonNode uploaded = http().get("/api/v1/corpora/" + corpus).json();
    assertThat(uploaded.get("lines").asLong()).isEqualTo(3127);
    assertThat(uploaded.get("tokens").asLong()).isBetween(30_000L, 36_000L);

    Http.Response submitted = submit(train(corpus, "hamlet-small", smallParams(3)));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
    String id = submitted.json().get("id").asString();
    assertThat(submitted.header("Location")).endsWith("/api/v1/jobs/" + id);

    JsonNode end = http().awaitEnd(id);
    assertThat(end.get("state").asString()).as(end.toString()).isEqualTo("SUCCEEDED");

    JsonNode job = http().get("/api/v1/jobs/" + id).json();
    assertThat(job.get("state").asString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("model").asString()).isEqualTo("hamlet-small");
    assertThat(job.get("losses")).hasSize(3);
    assertThat(job.get("params").get("dim").asInt()).isEqualTo(24);
    assertThat(job.get("startedAt").asString()).isNotBlank();
    assertThat(job.get("finishedAt").asString()).isNotBlank();
    assertThat(job.get("wordsProcessed").asLong()).isPositive();
    assertThat(job.get("wordsProcessed").asLong()).isEqualTo(job.get("wordsExpected").asLong());
    assertThat(job.get("epoch").asInt()).isEqualTo(3);
    assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(job.has("etaSeconds")).isFalse();
    assertThat(job.has("error")).isFalse();
    JsonNode scores = job.get("result").get("evaluation");
    assertThat(scores.get("analogyCoverage").asDouble()).isBetween(0.0, 1.0);
    assertThat(scores.has("wordsim353OovPercent")).isTrue();
    assertThat(http().get("/api/v1/jobs").json().get(0).get("id").asString()).isEqualTo(id);

    assertThat(neighbours("hamlet-small", "king", 5)).hasSize(5).doesNotContain("king");
    assertThat(modelFiles("hamlet-small")).isNotEmpty();
  }

  @Test
  void fineTuningAddsNewWordsWithSensibleNeighboursAndKeepsOldOnes() throws IOException {
    String hamlet = upload("/corpora/hamlet.txt");
    JsonNode base = http().awaitEnd(submitted(train(hamlet, "ft-base", smallParams(3))));
    assertThat(base.get("state").asString()).as(base.toString()).isEqualTo("SUCCEEDED");
    assertThat(registry.find("ft-base").orElseThrow().trained())
        .as("served without its output matrix: the fine-tune job reads the file")
        .isEmpty();

    String bible = upload("/corpora/kjv-pentateuch.txt");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "fine-tune");
    body.put("corpus", bible);
    body.put("baseModel", "ft-base");
    body.put("outputModel", "ft-tuned");
    body.put("params", Map.of("epochs", 5, "alpha", 0.025, "minCount", 5, "threads", 2));
    JsonNode end = http().awaitEnd(submitted(body));

    assertThat(end.get("state").asString()).as(end.toString()).isEqualTo("SUCCEEDED");
    JsonNode drift = end.get("result").get("drift");
    assertThat(drift.get("newWords").asInt()).isPositive();
    assertThat(drift.get("sharedWords").asInt()).isPositive();
    assertThat(drift.get("meanCosineShift").asDouble()).isPositive();
    assertThat(drift.get("neighborOverlap").asDouble()).isBetween(0.0, 1.0);
    assertThat(end.get("result").has("evaluation")).isTrue();
    assertThat(end.get("result").has("baseEvaluation")).isTrue();

    List<String> patriarchs =
        List.of("abraham", "jacob", "esau", "rebekah", "sarah", "ishmael", "laban", "joseph");
    assertThat(neighbours("ft-tuned", "isaac", 10)).containsAnyElementsOf(patriarchs);
    // gensim itself does not reliably put "aaron" in the top 10 at dim 24: ask for Pentateuch
    // words.
    assertThat(neighbours("ft-tuned", "moses", 10))
        .containsAnyElementsOf(
            List.of(
                "aaron",
                "israel",
                "pharaoh",
                "egypt",
                "egyptians",
                "levites",
                "spake",
                "commanded",
                "congregation",
                "tabernacle",
                "children",
                "elders",
                "wilderness"));
    assertThat(neighbours("ft-tuned", "hamlet", 10)).hasSize(10);
  }

  @Test
  void fineTuningAModelWhoseFileWasReplacedSinceItWasLoadedFailsNamingTheFile() throws IOException {
    Path models = dir.resolve("models");
    Files.createDirectories(models);
    Path file = models.resolve("ft-swapped.wvm");
    List<String> words = List.of("the", "king", "queen", "ghost", "castle", "sword");
    NativeFormat.write(TestModels.random(words, 8, 1), file);
    registry.register("ft-swapped", ModelFiles.loadForServing(file));
    // Someone copies another model over the served one's file.
    NativeFormat.write(TestModels.random(words.subList(0, 4), 8, 2), file);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "fine-tune");
    body.put("corpus", upload("/corpora/hamlet.txt"));
    body.put("baseModel", "ft-swapped");
    body.put("outputModel", "ft-swapped-tuned");
    body.put("params", Map.of("epochs", 1, "threads", 2));
    JsonNode end = http().awaitEnd(submitted(body));

    assertThat(end.get("state").asString()).as(end.toString()).isEqualTo("FAILED");
    assertThat(end.get("error").asString())
        .contains("cannot fine-tune model 'ft-swapped'")
        .contains("its file ft-swapped.wvm changed since the model was loaded")
        .contains("vocabulary size 6 served, 4 in the file")
        .doesNotContain(dir.toString());
    assertThat(modelFiles("ft-swapped-tuned")).isEmpty();
    assertThat(neighbours("ft-swapped", "king", 3)).hasSize(3);
  }

  /** Submits a long job and returns its id once it runs, so that later jobs queue behind it. */
  private String runningJob(String corpus, String model) throws IOException {
    String id = submitted(train(corpus, model, smallParams(1000)));
    try (Http.EventStream events = http().events("/api/v1/jobs/" + id + "/events")) {
      assertThat(events.until(e -> "RUNNING".equals(e.data().get("state").asString()))).isNotNull();
    }
    return id;
  }

  private String submitted(Map<String, Object> body) {
    Http.Response r = submit(body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asString();
  }

  @Test
  void cancellingARunningJobStopsItAndLeavesNoModel() throws IOException {
    String corpus = upload("/corpora/hamlet.txt");
    String id = submitted(train(corpus, "cancelled-model", smallParams(1000)));

    try (Http.EventStream events = http().events("/api/v1/jobs/" + id + "/events")) {
      Http.Event training =
          events.until(
              e ->
                  e.name().equals("progress")
                      && "training".equals(e.data().path("phase").asString(null)));
      assertThat(training).as("a progress event in the training phase").isNotNull();

      Http.Response cancel = http().delete("/api/v1/jobs/" + id);
      assertThat(cancel.status()).isEqualTo(202);

      Http.Event end = events.until(e -> e.name().equals("end"));
      assertThat(end.data().get("state").asString()).isEqualTo("CANCELLED");
    }
    assertThat(http().get("/api/v1/jobs/" + id).json().get("state").asString())
        .isEqualTo("CANCELLED");
    assertThat(http().get("/api/v1/models/cancelled-model").status()).isEqualTo(404);
    assertThat(modelFiles("cancelled-model")).isEmpty();
    Http.Response again = http().delete("/api/v1/jobs/" + id);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).isEqualTo("/problems/job-finished");
  }

  @Test
  void aFullQueueAnswers429() throws IOException {
    String corpus = upload("/corpora/hamlet.txt");
    String running = runningJob(corpus, "q-running");
    String waiting = submitted(train(corpus, "q-waiting", smallParams(1)));

    Http.Response full = submit(train(corpus, "q-refused", smallParams(1)));

    assertThat(full.status()).isEqualTo(429);
    assertThat(full.header("Content-Type")).startsWith("application/problem+json");
    assertThat(full.json().get("type").asString()).isEqualTo("/problems/job-queue-full");
    assertThat(full.json().get("limit").asInt()).isEqualTo(1);
    assertThat(full.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
    assertThat(full.json().get("retryAfterSeconds").asLong())
        .isEqualTo(Long.parseLong(full.header("Retry-After")));

    assertThat(http().delete("/api/v1/jobs/" + waiting).json().get("state").asString())
        .isEqualTo("CANCELLED");
    assertThat(http().delete("/api/v1/jobs/" + running).status()).isEqualTo(202);
    assertThat(http().awaitEnd(running).get("state").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void aQuietProgressStreamCarriesKeepAliveComments() throws Exception {
    String corpus = upload("/corpora/hamlet.txt");
    String running = runningJob(corpus, "hb-running");
    // while the other job runs, this one waits and has nothing to report
    String waiting = submitted(train(corpus, "hb-waiting", smallParams(1)));
    try (Http.EventStream events = http().events("/api/v1/jobs/" + waiting + "/events")) {
      Http.Event first = events.next();
      assertThat(first.data().get("state").asString()).isEqualTo("QUEUED");

      CompletableFuture<String> comment =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return events.nextComment();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      assertThat(comment.get(30, TimeUnit.SECONDS)).isEqualTo("keep-alive");
      assertThat(http().get("/api/v1/jobs/" + waiting).json().get("state").asString())
          .isEqualTo("QUEUED");
    } finally {
      http().delete("/api/v1/jobs/" + waiting);
      http().delete("/api/v1/jobs/" + running);
    }
    assertThat(http().awaitEnd(running).get("state").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void invalidParametersAnswer400ListingEachOfThem() throws IOException {
    String corpus = upload("/corpora/hamlet.txt");
    Map<String, Object> body =
        train(
            corpus,
            "no spaces allowed",
            Map.of(
                "dim",
                -1,
                "window",
                "wide",
                "epochs",
                0,
                "schedule",
                "cosine",
                "minn",
                5,
                "maxn",
                4));

    Http.Response r = submit(body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = r.json();
    assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-job-request");
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "outputModel",
            "params.dim",
            "params.window",
            "params.epochs",
            "params.schedule",
            "params.minn");
    assertThat(problem.get("errors").toString()).contains("must be linear or per-worker-sawtooth");
    assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("java.");
    assertThat(http().postJson("/api/v1/jobs", "{not json").status()).isEqualTo(400);
  }

  @Test
  void anExistingOutputModelAnswers409() throws IOException {
    String corpus = upload("/corpora/hamlet.txt");
    JsonNode first = http().awaitEnd(submitted(train(corpus, "twice", smallParams(1))));
    assertThat(first.get("state").asString()).isEqualTo("SUCCEEDED");

    Http.Response again = submit(train(corpus, "twice", smallParams(1)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).isEqualTo("/problems/model-exists");
  }

  @Test
  void gzipMultipartUploadsAreCountedLikePlainText() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(resource("/corpora/hamlet.txt"));
    }
    Http.Response r = http().multipart("/api/v1/corpora", "hamlet.txt.gz", gz.toByteArray());

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("lines").asLong()).isEqualTo(3127);
    assertThat(r.json().get("bytes").asLong()).isEqualTo(resource("/corpora/hamlet.txt").length);
    assertThat(r.json().get("name").asString()).isEqualTo("hamlet.txt.gz");
    String id = r.json().get("id").asString();
    List<String> ids = new ArrayList<>();
    http().get("/api/v1/corpora").json().forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).contains(id);

    assertThat(http().delete("/api/v1/corpora/" + id).status()).isEqualTo(204);
    assertThat(http().get("/api/v1/corpora/" + id).status()).isEqualTo(404);
  }

  @Test
  void corporaAnswerProblemsWhenInUseUnknownOrEmpty() throws IOException {
    String corpus = upload("/corpora/hamlet.txt");
    String running = runningJob(corpus, "in-use-running");

    Http.Response inUse = http().delete("/api/v1/corpora/" + corpus);

    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.header("Content-Type")).startsWith("application/problem+json");
    assertThat(inUse.json().get("type").asString()).isEqualTo("/problems/corpus-in-use");
    assertThat(inUse.json().get("job").asString()).isEqualTo(running);
    assertThat(http().delete("/api/v1/jobs/" + running).status()).isEqualTo(202);
    assertThat(http().awaitEnd(running).get("state").asString()).isEqualTo("CANCELLED");

    Http.Response unknown = http().delete("/api/v1/corpora/0123456789abcdef");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/corpus-not-found");
    Http.Response empty = http().post("/api/v1/corpora", "text/plain", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("type").asString()).isEqualTo("/problems/empty-corpus");
  }

  @Test
  void anOversizeCorpusAnswers413AndIsNotStored() {
    byte[] big = "word ".repeat(500_000).getBytes(StandardCharsets.US_ASCII);
    int before = http().get("/api/v1/corpora").json().size();

    Http.Response r = http().post("/api/v1/corpora", "text/plain", big);

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/corpus-too-large");
    assertThat(http().get("/api/v1/corpora").json().size()).isEqualTo(before);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
    // Only the headers are sent: a server that waited for the 3 GB body would never answer.
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/v1/corpora HTTP/1.1\r\nHost: localhost\r\n"
                      + "Content-Type: text/plain\r\nContent-Length: 3000000000\r\n\r\nsome")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      java.io.BufferedReader response =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(response.readLine()).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void aCorpusThatIsNotUtf8Answers422WithTheOffset() {
    byte[] latin1 = "fine\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    Http.Response r = http().post("/api/v1/corpora", "text/plain", latin1);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/corpus-not-utf8");
    assertThat(r.json().get("offset").asLong()).isEqualTo(8);
  }

  @Test
  void unknownJobsAnswer404ProblemsAlsoForEventStreams() {
    Http.Response r = http().get("/api/v1/jobs/0123456789abcdef");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/job-not-found");
    assertThat(http().events("/api/v1/jobs/0123456789abcdef/events").status()).isEqualTo(404);
  }
}
