package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Words outside the vocabulary, on the subword model {@code subwords} (a fastText .bin with
 * n-grams) and on {@code tiny} (no n-grams), through every route that answers them.
 */
@ApiIntegrationTest
class SubwordQueriesIntegrationTests {

  private static final String SUB = "/api/v1/models/subwords";

  /** fastText's own vectors for the fixture's words ({@code print-word-vectors}). */
  private static Map<String, float[]> fastText;

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeAll
  static void readFastTextsVectors() throws Exception {
    fastText = new HashMap<>();
    Path file =
        Path.of(
            SubwordQueriesIntegrationTests.class
                .getClassLoader()
                .getResource("fasttext/word-vectors.txt")
                .toURI());
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.trim().split(" ");
      float[] v = new float[parts.length - 1];
      for (int i = 1; i < parts.length; i++) {
        v[i - 1] = Float.parseFloat(parts[i]);
      }
      fastText.put(parts[0], v);
    }
  }

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void anUnknownWordGetsItsNgramVectorMarkedOov() {
    Response response = http.get(SUB + "/vectors/kingly");
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("oov").asBoolean()).isTrue();
    assertThat(body.has("rank")).isFalse();
    float[] expected = fastText.get("kingly");
    for (int i = 0; i < expected.length; i++) {
      assertThat(body.get("vector").get(i).asDouble()).isCloseTo(expected[i], within(5e-5));
    }
    JsonNode known = http.get(SUB + "/vectors/king").json();
    assertThat(known.has("oov")).isFalse();
    assertThat(known.get("rank").asInt()).isPositive();
  }

  @Test
  void oovErrorAndModelsWithoutNgramsAnswer404WithSuggestions() {
    for (String path :
        List.of(SUB + "/vectors/kingly?oov=error", "/api/v1/models/tiny/vectors/kingg")) {
      Response response = http.get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json().get("type").asString()).isEqualTo("/problems/word-not-found");
      assertThat(response.json().has("suggestions")).isTrue();
    }
    Response neighbours = http.get("/api/v1/models/tiny/neighbors?word=kingg");
    assertThat(neighbours.status()).isEqualTo(404);
  }

  @Test
  void batchesMarkWordsAnsweredFromNgrams() {
    Response batch = http.postJson(SUB + "/vectors", "{\"words\": [\"king\", \"kingly\", \"x\"]}");
    assertThat(batch.status()).isEqualTo(200);
    JsonNode results = batch.json().get("results");
    assertThat(results.get(0).get("known").asBoolean()).isTrue();
    assertThat(results.get(0).has("oov")).isFalse();
    assertThat(results.get(1).get("known").asBoolean()).isFalse();
    assertThat(results.get(1).get("oov").asBoolean()).isTrue();
    assertThat(results.get(1).get("vector")).hasSize(10);
    assertThat(batch.json().get("unknown")).isEmpty();
    JsonNode strict =
        http.postJson(SUB + "/vectors?oov=error", "{\"words\": [\"king\", \"kingly\"]}").json();
    assertThat(strict.get("results").get(1).has("vector")).isFalse();
    assertThat(strict.get("unknown").get(0).asString()).isEqualTo("kingly");
  }

  @Test
  void neighboursOfAnUnknownWordAreSearchedByItsNgramVector() {
    Response response = http.get(SUB + "/neighbors?word=kingly&topn=5");
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("oov").asBoolean()).isTrue();
    assertThat(body.get("oovWords").get(0).asString()).isEqualTo("kingly");
    assertThat(body.get("neighbors")).hasSize(5);
    JsonNode known = http.get(SUB + "/neighbors?word=king&topn=5").json();
    assertThat(known.has("oov")).isFalse();
    JsonNode posted =
        http.postJson(SUB + "/neighbors", "{\"positive\": [\"kingly\"], \"topn\": 5}").json();
    assertThat(posted.get("neighbors")).isEqualTo(body.get("neighbors"));
    assertThat(posted.get("oovWords").get(0).asString()).isEqualTo("kingly");
  }

  @Test
  void similarityOfAKnownAndAnUnknownWordIsTheCosineOfFastTextsVectors() {
    JsonNode body = http.get(SUB + "/similarity?a=king&b=kingly").json();
    assertThat(body.get("oov").asBoolean()).isTrue();
    assertThat(body.get("oovWords").valueStream().map(JsonNode::asString))
        .containsExactly("kingly");
    float[] a = fastText.get("king");
    float[] b = fastText.get("kingly");
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    assertThat(body.get("similarity").asDouble()).isCloseTo(dot / Math.sqrt(na * nb), within(1e-4));
    assertThat(http.get(SUB + "/similarity?a=king&b=the").json().has("oov")).isFalse();
  }

  @Test
  void analogiesTakeUnknownWordsWithCosAddAndRefuseThemWithCosMul() {
    Response response = http.get(SUB + "/analogy?a=king&b=kingly&c=queen&topn=3");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("oovWords").get(0).asString()).isEqualTo("kingly");
    assertThat(response.json().get("answers")).hasSize(3);
    Response cosmul = http.get(SUB + "/analogy?a=king&b=kingly&c=queen&method=cosmul");
    assertThat(cosmul.status()).isEqualTo(400);
    assertThat(cosmul.json().get("parameter").asString()).isEqualTo("method");
  }

  @Test
  void embeddingsUseNgramVectorsForUnknownTokens() {
    JsonNode text =
        http.postJson(SUB + "/embed", "{\"texts\": [\"the kingly hamlets\"]}")
            .json()
            .get("embeddings")
            .get(0);
    assertThat(text.get("known").asInt()).isEqualTo(1);
    assertThat(text.get("unknown")).isEmpty();
    assertThat(text.get("oov").asBoolean()).isTrue();
    assertThat(text.get("oovWords").valueStream().map(JsonNode::asString))
        .containsExactly("kingly", "hamlets");
    JsonNode strict =
        http.postJson(SUB + "/embed?oov=error", "{\"texts\": [\"the kingly hamlets\"]}")
            .json()
            .get("embeddings")
            .get(0);
    assertThat(strict.has("oov")).isFalse();
    assertThat(strict.get("unknown")).hasSize(2);
    Response openAi =
        http.postJson("/v1/embeddings", "{\"model\": \"subwords\", \"input\": \"kingly\"}");
    assertThat(openAi.status()).isEqualTo(200);
    assertThat(openAi.json().get("data").get(0).get("embedding")).hasSize(10);
  }

  @Test
  void aBadOovValueIs400OnEveryRoute() {
    List<Response> responses =
        List.of(
            http.get(SUB + "/vectors/king?oov=maybe"),
            http.postJson(SUB + "/vectors?oov=maybe", "{\"words\": [\"king\"]}"),
            http.get(SUB + "/neighbors?word=king&oov=maybe"),
            http.postJson(SUB + "/neighbors?oov=maybe", "{\"positive\": [\"king\"]}"),
            http.get(SUB + "/similarity?a=king&b=the&oov=maybe"),
            http.get(SUB + "/analogy?a=king&b=the&c=and&oov=maybe"),
            http.postJson(SUB + "/embed?oov=maybe", "{\"texts\": [\"king\"]}"),
            http.get("/api/v1/models/tiny/vectors/king?oov="),
            http.get("/api/v1/models/tiny/vectors/king?oov=NGRAM"));
    for (int i = 0; i < 7; i++) {
      Response r = responses.get(i);
      assertThat(r.status()).as("route " + i).isEqualTo(400);
      assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-parameter");
      assertThat(r.json().get("parameter").asString()).isEqualTo("oov");
      assertThat(r.json().get("detail").asString()).contains("'ngram' or 'error'");
    }
    assertThat(responses.get(7).status()).as("blank is the default").isEqualTo(200);
    assertThat(responses.get(8).status()).as("any case").isEqualTo(200);
  }
}
