package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Queries hammer the default model from several threads while jobs activate new models: no request
 * fails, and every answer is entirely one model's answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(180)
class HotSwapIntegrationTests {

  private static final String QUERY = "/neighbors?word=king&topn=10";

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path models = Files.createDirectories(dir.resolve("models"));
    Path hamlet = dir.resolve("hamlet.txt");
    Files.write(hamlet, JobsIntegrationTests.resource("/corpora/hamlet.txt"));
    List<String> words = TestModels.words(hamlet);
    ModelFiles.save(
        TestModels.random(words.subList(0, 2000), 16, 42).wordVectors(),
        models.resolve("initial.txt"),
        VectorFormat.WORD2VEC_TEXT);
    registry.add("wordvec.data.dir", () -> dir.resolve("data").toString());
    registry.add("wordvec.models.dir", models::toString);
    registry.add("wordvec.jobs.threads", () -> "1");
  }

  @LocalServerPort int port;

  @Test
  void activatingModelsUnderLoadGivesNoFailedOrMixedAnswer() throws Exception {
    Http http = new Http(port);
    String corpus =
        http.post(
                "/api/v1/corpora",
                "text/plain",
                JobsIntegrationTests.resource("/corpora/hamlet.txt"))
            .json()
            .get("id")
            .asString();
    assertThat(http.get("/api/v1/models/default" + QUERY).json().get("model").asString())
        .isEqualTo("initial");

    Map<String, Integer> answers = new ConcurrentHashMap<>();
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger requests = new AtomicInteger();
    CountDownLatch lastSwapSeen = new CountDownLatch(1);
    ExecutorService hammer = Executors.newFixedThreadPool(4);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      clients.add(
          hammer.submit(
              () -> {
                Http client = new Http(port);
                while (!stop.get()) {
                  Http.Response r = client.get("/api/v1/models/default" + QUERY);
                  requests.incrementAndGet();
                  if (r.status() != 200) {
                    failures.add(r.status() + " " + r.body());
                  } else {
                    answers.merge(r.body(), 1, Integer::sum);
                    if (r.body().contains("\"swap-3\"")) {
                      lastSwapSeen.countDown();
                    }
                  }
                }
              }));
    }

    List<String> activated = new ArrayList<>();
    try {
      for (int i = 1; i <= 3; i++) {
        String name = "swap-" + i;
        Http.Response r =
            http.postJson(
                "/api/v1/jobs",
                Map.of(
                    "type",
                    "train",
                    "corpus",
                    corpus,
                    "outputModel",
                    name,
                    "activate",
                    true,
                    "params",
                    Map.of("dim", 16, "epochs", 1, "minCount", 3, "seed", i)));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode end = http.awaitEnd(r.json().get("id").asString());
        assertThat(end.get("state").asString()).as(end.toString()).isEqualTo("SUCCEEDED");
        activated.add(name);
      }
      // keep hammering until the clients have seen the last swap
      assertThat(lastSwapSeen.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      stop.set(true);
      for (Future<?> f : clients) {
        f.get();
      }
      hammer.shutdown();
    }

    assertThat(failures).isEmpty();
    Set<String> expected = new java.util.HashSet<>();
    for (String model : List.of("initial", "swap-1", "swap-2", "swap-3")) {
      Http.Response r = http.get("/api/v1/models/" + model + QUERY);
      assertThat(r.status()).isEqualTo(200);
      expected.add(r.body());
    }
    assertThat(expected).hasSize(4);
    assertThat(answers.keySet()).isSubsetOf(expected);
    assertThat(answers).hasSizeGreaterThanOrEqualTo(2);
    assertThat(requests.get()).isGreaterThan(answers.size());
    assertThat(http.get("/api/v1/models").json().toString()).contains("swap-3");
  }
}
