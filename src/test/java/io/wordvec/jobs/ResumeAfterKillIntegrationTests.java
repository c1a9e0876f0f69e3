package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.ChildJvm;
import io.wordvec.WordvecApplication;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service killed with {@code kill -9} while a training job runs, after its first epoch
 * checkpoint: restarted on the same directories, it takes the job up again, continues its training
 * after the checkpointed epoch, and the job succeeds with a model that serves.
 */
@Timeout(300)
class ResumeAfterKillIntegrationTests {

  @TempDir Path dir;

  private ChildJvm service(int port, String name) {
    return ChildJvm.start(
        dir.resolve(name + ".log"),
        WordvecApplication.class.getName(),
        "--server.port=" + port,
        "--wordvec.data.dir=" + dir.resolve("data"),
        "--wordvec.models.dir=" + dir.resolve("models"),
        "--wordvec.jobs.threads=1",
        "--spring.main.banner-mode=off");
  }

  /** A corpus of Zipf-like random words, big enough that an epoch takes a noticeable while. */
  private static byte[] corpus() {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder text = new StringBuilder();
    for (int sentence = 0; sentence < 40_000; sentence++) {
      int length = random.nextInt(8, 20);
      for (int i = 0; i < length; i++) {
        int word = (int) Math.floor(Math.pow(3000, random.nextDouble()));
        text.append('w').append(word).append(i + 1 < length ? ' ' : '\n');
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aTrainingKilledAfterACheckpointResumesAtTheRestartAndSucceeds() throws Exception {
    int port = ChildJvm.freePort();
    String job;
    try (ChildJvm first = service(port, "first")) {
      Http http = awaitReady(first, port);
      String corpus =
          http.post("/api/v1/corpora", "text/plain", corpus()).json().get("id").asString();
      Http.Response submitted =
          http.postJson(
              "/api/v1/jobs",
              Map.of(
                  "type",
                  "train",
                  "corpus",
                  corpus,
                  "outputModel",
                  "resumed",
                  "activate",
                  true,
                  "params",
                  Map.of("dim", 50, "epochs", 5, "minCount", 2, "threads", 1, "seed", 3)));
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
      job = submitted.json().get("id").asString();
      Path checkpoint = dir.resolve("data/jobs").resolve(job).resolve("checkpoint.bin");
      awaitFile(first, checkpoint);
      first.kill();
    }
    assertThat(Files.readString(dir.resolve("data/jobs").resolve(job + ".json")))
        .contains("\"RUNNING\"");

    try (ChildJvm second = service(port, "second")) {
      Http http = awaitReady(second, port);
      JsonNode end = awaitFinal(http, job);
      assertThat(end.get("state").asString()).as(end.toString()).isEqualTo("SUCCEEDED");
      assertThat(end.get("restarts").asInt()).isEqualTo(1);
      assertThat(end.get("resumedAfterEpoch").asInt()).isBetween(1, 5);
      assertThat(end.get("losses")).hasSize(5);
      for (int e = 0; e < 5; e++) {
        assertThat(end.get("losses").get(e).get("epoch").asInt()).isEqualTo(e + 1);
      }
      assertThat(http.get("/api/v1/models/default").json().get("name").asString())
          .isEqualTo("resumed");
    }
    // the job's work directory went with it; the model is complete
    assertThat(dir.resolve("data/jobs").resolve(job)).doesNotExist();
    LoadedModel model = ModelFiles.load(dir.resolve("models/resumed.wvm"));
    assertThat(model.trained()).isPresent();
    try (Stream<Path> files = Files.list(dir.resolve("models"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("resumed.wvm", ".default-model");
    }
  }

  private static Http awaitReady(ChildJvm child, int port) throws Exception {
    Http http = new Http(port);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("service exited: " + Files.readString(child.log()));
      }
      try {
        if (http.get("/actuator/health/readiness").status() == 200) {
          return http;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("service never became ready: " + Files.readString(child.log()));
  }

  private static void awaitFile(ChildJvm child, Path file) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!Files.exists(file)) {
      if (System.nanoTime() > deadline || !child.isAlive()) {
        throw new AssertionError("no checkpoint was written: " + Files.readString(child.log()));
      }
      Thread.sleep(5);
    }
  }

  private static JsonNode awaitFinal(Http http, String job) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode view = http.get("/api/v1/jobs/" + job).json();
      String state = view.get("state").asString();
      if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
        return view;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + job + " never finished");
  }
}
