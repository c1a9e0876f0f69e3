package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.index.ClusteredVectors;
import io.wordvec.index.HnswIndex;
import io.wordvec.index.HnswParameters;
import io.wordvec.index.IndexBuildListener;
import io.wordvec.io.Word2VecFormat;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Neighbour queries over HTTP on a model with an index beside it ({@code clustered.txt} and {@code
 * clustered.hnsw}) and on one without ({@code plain.txt}): which search answers, the {@code exact}
 * and {@code ef} parameters, and their bounds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndexedNeighborsApiIntegrationTests {

  private static Path models;

  /** The indexed model's vectors, read from its file: the exact answers to compare with. */
  private static WordVectors clustered;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wordvec.models.dir", () -> models().toString());
    registry.add("wordvec.models.default-model", () -> "clustered");
    registry.add("wordvec.limits.max-ef", () -> "500");
    registry.add("wordvec.data.dir", () -> models().resolveSibling("data").toString());
  }

  /** Written once, before the application starts and loads the directory. */
  private static synchronized Path models() {
    if (models == null) {
      try {
        Path dir = Files.createTempDirectory("wordvec-indexed").resolve("models");
        Files.createDirectories(dir);
        Path file = dir.resolve("clustered.txt");
        Word2VecFormat.writeText(ClusteredVectors.clustered(6_000, 16, 120, 1.0f, 5), file);
        clustered = Word2VecFormat.readText(file);
        HnswIndex.build(
            clustered, HnswParameters.DEFAULTS, HnswIndex.fileFor(file), IndexBuildListener.NONE);
        Files.copy(Path.of("src/test/resources/models/tiny.txt"), dir.resolve("plain.txt"));
        models = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return models;
  }

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void aModelWithAnIndexAnswersFromItAndSaysSo() {
    JsonNode body = http.get("/api/v1/models/clustered/neighbors?word=w5&topn=5").json();

    assertThat(body.get("search").asString()).isEqualTo("hnsw");
    assertThat(body.get("neighbors")).hasSize(5);
    assertThat(http.get("/api/v1/models/clustered").json().get("search").asString())
        .isEqualTo("hnsw");
  }

  @Test
  void exactTrueScoresEveryWordAndGivesTheExactAnswer() {
    List<Neighbor> expected = clustered.mostSimilar(List.of("w5"), List.of(), 5, 0);

    JsonNode body = http.get("/api/v1/models/clustered/neighbors?word=w5&topn=5&exact=true").json();

    assertThat(body.get("search").asString()).isEqualTo("exact");
    assertWords(body.get("neighbors"), expected);
  }

  @Test
  void theIndexFindsTheExactNeighboursWithTheirExactScores() {
    List<Neighbor> expected = clustered.mostSimilar(List.of("w17"), List.of(), 10, 0);

    JsonNode body = http.get("/api/v1/models/clustered/neighbors?word=w17&topn=10&ef=150").json();

    assertThat(body.get("search").asString()).isEqualTo("hnsw");
    assertWords(body.get("neighbors"), expected);
  }

  @Test
  void postedQueriesAndAnalogiesTakeExactAndEf() {
    JsonNode approx =
        http.postJson(
                "/api/v1/models/clustered/neighbors",
                "{\"positive\": [\"w1\", \"w2\"], \"negative\": [\"w3\"], \"ef\": 50}")
            .json();
    JsonNode exact =
        http.postJson(
                "/api/v1/models/clustered/neighbors",
                "{\"positive\": [\"w1\", \"w2\"], \"negative\": [\"w3\"], \"method\": \"cosmul\","
                    + " \"exact\": true}")
            .json();
    JsonNode analogy =
        http.get("/api/v1/models/clustered/analogy?a=w1&b=w2&c=w3&method=cosmul&ef=80").json();

    assertThat(approx.get("search").asString()).isEqualTo("hnsw");
    assertThat(exact.get("search").asString()).isEqualTo("exact");
    assertWords(
        exact.get("neighbors"),
        clustered.mostSimilarCosMul(List.of("w1", "w2"), List.of("w3"), 10, 0));
    assertThat(analogy.get("search").asString()).isEqualTo("hnsw");
    assertThat(analogy.get("answers")).hasSize(10);
  }

  @Test
  void aModelWithoutAnIndexIsSearchedExactlyWhateverTheRequestAsks() {
    for (String query : new String[] {"", "&exact=true", "&ef=40", "&exact=false&ef=500"}) {
      Response response = http.get("/api/v1/models/plain/neighbors?word=king&topn=3" + query);

      assertThat(response.status()).as(query).isEqualTo(200);
      assertThat(response.json().get("search").asString()).isEqualTo("exact");
      assertThat(response.json().get("neighbors").get(0).get("word").asString())
          .isEqualTo("prince");
    }
    assertThat(http.get("/api/v1/models/plain").json().get("search").asString()).isEqualTo("exact");
  }

  @Test
  void efOutsideOneToTheConfiguredLimitIsABadRequest() {
    for (String model : new String[] {"clustered", "plain"}) {
      for (String ef : new String[] {"0", "-3", "501"}) {
        Response response = http.get("/api/v1/models/" + model + "/neighbors?word=w1&ef=" + ef);

        assertThat(response.status()).as(model + " ef " + ef).isEqualTo(400);
        assertThat(response.json().get("type").asString()).endsWith("/problems/invalid-parameter");
        assertThat(response.json().get("parameter").asString()).isEqualTo("ef");
        assertThat(response.json().get("limit").asInt()).isEqualTo(500);
      }
    }
    Response posted =
        http.postJson("/api/v1/models/clustered/neighbors", "{\"positive\": [\"w1\"], \"ef\": 0}");
    assertThat(posted.status()).isEqualTo(400);
    assertThat(http.get("/api/v1/models/clustered/analogy?a=w1&b=w2&c=w3&ef=9999").status())
        .isEqualTo(400);
    assertThat(http.get("/api/v1/models/clustered/neighbors?word=w1&exact=maybe").status())
        .isEqualTo(400);
  }

  private static void assertWords(JsonNode neighbors, List<Neighbor> expected) {
    assertThat(neighbors).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(neighbors.get(i).get("word").asString()).isEqualTo(expected.get(i).word());
      assertThat(neighbors.get(i).get("score").floatValue()).isEqualTo(expected.get(i).score());
    }
  }
}
