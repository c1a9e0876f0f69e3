package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.WordvecApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Job records survive a restart; a job the shutdown interrupted is taken up again by the next start
 * (here cancelled then, as its training would take long).
 */
// A bound for a hang, not a speed check: two application starts and a training on a machine that
// runs the rest of the suite beside it.
@Timeout(300)
class JobsRestartIntegrationTests {

  @TempDir Path dir;

  private ConfigurableApplicationContext start() {
    // command-line arguments, so they win over application.properties
    return new SpringApplicationBuilder(WordvecApplication.class)
        .run(
            "--server.port=0",
            "--wordvec.data.dir=" + dir.resolve("data"),
            "--wordvec.models.dir=" + dir.resolve("models"),
            "--wordvec.jobs.threads=1");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Test
  void aRestartListsPastJobsAndTakesUpTheInterruptedOne() throws IOException {
    String finished;
    String interrupted;
    try (ConfigurableApplicationContext first = start()) {
      Http http = new Http(port(first));
      String corpus =
          http.post(
                  "/api/v1/corpora",
                  "text/plain",
                  JobsIntegrationTests.resource("/corpora/hamlet.txt"))
              .json()
              .get("id")
              .asString();
      finished = submit(http, corpus, "restart-done", 1);
      assertThat(http.awaitEnd(finished).get("state").asString()).isEqualTo("SUCCEEDED");

      interrupted = submit(http, corpus, "restart-interrupted", 1000);
      try (Http.EventStream events = http.events("/api/v1/jobs/" + interrupted + "/events")) {
        assertThat(events.until(e -> "training".equals(e.data().path("phase").asString(null))))
            .isNotNull();
      }
    }

    try (ConfigurableApplicationContext second = start()) {
      Http http = new Http(port(second));
      JsonNode jobs = http.get("/api/v1/jobs").json();
      assertThat(jobs).hasSize(2);
      assertThat(jobs.get(0).get("id").asString()).isEqualTo(interrupted);
      assertThat(jobs.get(0).get("state").asString()).isIn("QUEUED", "RUNNING");
      assertThat(jobs.get(0).get("restarts").asInt()).isEqualTo(1);
      assertThat(jobs.get(1).get("id").asString()).isEqualTo(finished);
      assertThat(jobs.get(1).get("state").asString()).isEqualTo("SUCCEEDED");
      assertThat(jobs.get(1).has("restarts")).isFalse();
      assertThat(http.delete("/api/v1/jobs/" + interrupted).status()).isIn(200, 202);
      assertThat(http.awaitEnd(interrupted).get("state").asString()).isEqualTo("CANCELLED");
      assertThat(http.get("/api/v1/models/restart-interrupted").status()).isEqualTo(404);
    }
    try (var files = java.nio.file.Files.list(dir.resolve("models"))) {
      // the finished model was saved for the next start; the interrupted one left nothing
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("restart-done.wvm")
          .noneMatch(name -> name.startsWith("restart-interrupted"));
    }
  }

  private static String submit(Http http, String corpus, String model, int epochs) {
    Http.Response r =
        http.postJson(
            "/api/v1/jobs",
            Map.of(
                "type",
                "train",
                "corpus",
                corpus,
                "outputModel",
                model,
                "params",
                Map.of("dim", 16, "epochs", epochs, "minCount", 3, "threads", 1)));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asString();
  }
}
