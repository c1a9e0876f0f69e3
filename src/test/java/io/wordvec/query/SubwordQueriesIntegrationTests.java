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

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static float[] unit(float[] v) {
    double norm = Math.sqrt(cosineNormSquared(v));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  private static double cosineNormSquared(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return sum;
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void distancesFromAndToUnknownWordsAreOneMinusTheCosineOfFastTextsVectors() {
    Response response =
        http.postJson(
            SUB + "/distances",
            "{\"word\": \"kingly\", \"others\": [\"king\", \"hamlets\", \"the\", \"kingly\"]}");
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("oov").asBoolean()).isTrue();
    assertThat(strings(body.get("oovWords"))).containsExactly("kingly", "hamlets");
    List<String> others = List.of("king", "hamlets", "the", "kingly");
    for (int i = 0; i < others.size(); i++) {
      JsonNode d = body.get("distances").get(i);
      assertThat(d.get("word").asString()).isEqualTo(others.get(i));
      assertThat(d.get("distance").asDouble())
          .as(others.get(i))
          .isCloseTo(1 - cosine(fastText.get("kingly"), fastText.get(others.get(i))), within(1e-4));
    }
    Response byVector =
        http.postJson(
            SUB + "/distances",
            "{\"vector\": "
                + java.util.Arrays.toString(fastText.get("king"))
                + ", \"others\": [\"kingly\"]}");
    assertThat(strings(byVector.json().get("oovWords"))).containsExactly("kingly");
    assertThat(byVector.json().get("distances").get(0).get("distance").asDouble())
        .isCloseTo(1 - cosine(fastText.get("king"), fastText.get("kingly")), within(1e-4));
    JsonNode known =
        http.postJson(SUB + "/distances", "{\"word\": \"king\", \"others\": [\"the\"]}").json();
    assertThat(known.has("oov")).isFalse();
    assertThat(known.has("oovWords")).isFalse();
    Response strict =
        http.postJson(
            SUB + "/distances?oov=error", "{\"word\": \"king\", \"others\": [\"kingly\"]}");
    assertThat(strict.status()).isEqualTo(404);
    assertThat(strict.json().get("type").asString()).isEqualTo("/problems/word-not-found");
  }

  @Test
  void rankPlacesAnUnknownWordAmongTheVocabularyByItsNgramVector() {
    for (String query : List.of("word=kingly&other=king", "word=king&other=kingly")) {
      Response response = http.get(SUB + "/rank?limit=1000&" + query);
      assertThat(response.status()).as(response.text()).isEqualTo(200);
      JsonNode body = response.json();
      assertThat(strings(body.get("oovWords"))).containsExactly("kingly");
      double distance = body.get("distance").asDouble();
      assertThat(distance)
          .isCloseTo(1 - cosine(fastText.get("king"), fastText.get("kingly")), within(1e-4));
      List<String> closer = strings(body.get("closerThan"));
      assertThat(body.get("truncated").asBoolean()).isFalse();
      assertThat(body.get("rank").asInt()).isEqualTo(closer.size() + 1);
      assertThat(closer).doesNotContain("king");
      if (!closer.isEmpty()) {
        // every word listed is closer to the first word than the second is
        String word = body.get("word").asString();
        StringBuilder json = new StringBuilder("{\"word\": \"" + word + "\", \"others\": [");
        for (int i = 0; i < closer.size(); i++) {
          json.append(i == 0 ? "" : ", ").append('"').append(closer.get(i)).append('"');
        }
        JsonNode distances = http.postJson(SUB + "/distances", json + "]}").json();
        for (JsonNode d : distances.get("distances")) {
          assertThat(d.get("distance").asDouble()).isLessThan(distance + 1e-6);
        }
      }
    }
    assertThat(http.get(SUB + "/rank?word=king&other=the").json().has("oov")).isFalse();
    assertThat(http.get(SUB + "/rank?word=kingly&other=king&oov=error").status()).isEqualTo(404);
  }

  @Test
  void doesntMatchAndSetSimilarityAnswerUnknownWordsFromTheirNgrams() {
    List<String> words = List.of("king", "kingly", "москва", "東京駅");
    float[] mean = new float[10];
    for (String w : words) {
      float[] u = unit(fastText.get(w));
      for (int i = 0; i < mean.length; i++) {
        mean[i] += u[i];
      }
    }
    String expected = null;
    double lowest = Double.POSITIVE_INFINITY;
    for (String w : words) {
      double score = cosine(fastText.get(w), mean);
      if (score < lowest) {
        lowest = score;
        expected = w;
      }
    }
    Response odd =
        http.postJson(
            SUB + "/doesnt-match", "{\"words\": [\"king\", \"kingly\", \"москва\", \"東京駅\"]}");
    assertThat(odd.status()).as(odd.text()).isEqualTo(200);
    assertThat(odd.json().get("doesntMatch").asString()).isEqualTo(expected);
    assertThat(strings(odd.json().get("oovWords"))).containsExactly("kingly", "東京駅");
    assertThat(
            http.postJson(SUB + "/doesnt-match?oov=error", "{\"words\": [\"king\", \"kingly\"]}")
                .status())
        .isEqualTo(404);

    Response sets =
        http.postJson(SUB + "/similarity", "{\"a\": [\"king\", \"kingly\"], \"b\": [\"hamlets\"]}");
    assertThat(sets.status()).as(sets.text()).isEqualTo(200);
    float[] sum = new float[10];
    for (String w : List.of("king", "kingly")) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += fastText.get(w)[i];
      }
    }
    assertThat(sets.json().get("similarity").asDouble())
        .isCloseTo(cosine(sum, fastText.get("hamlets")), within(1e-4));
    assertThat(strings(sets.json().get("oovWords"))).containsExactly("kingly", "hamlets");
    JsonNode known =
        http.postJson(SUB + "/similarity", "{\"a\": [\"king\"], \"b\": [\"the\"]}").json();
    assertThat(known.has("oov")).isFalse();
  }

  @Test
  void textSimilarityUsesNgramVectorsForUnknownTokensWithEveryWeighting() {
    String texts = "\"source\": \"the kingly\", \"texts\": [\"king\", \"hamlets\"]";
    JsonNode mean = http.postJson(SUB + "/similarity/texts", "{" + texts + "}").json();
    assertThat(mean.get("source").get("known").asInt()).isEqualTo(1);
    assertThat(mean.get("source").get("unknown")).isEmpty();
    assertThat(strings(mean.get("source").get("oovWords"))).containsExactly("kingly");
    assertThat(mean.get("results").get(0).has("oov")).isFalse();
    assertThat(strings(mean.get("results").get(1).get("oovWords"))).containsExactly("hamlets");
    float[] source = new float[10];
    float[] the = unit(fastText.get("the"));
    float[] kingly = unit(fastText.get("kingly"));
    for (int i = 0; i < source.length; i++) {
      source[i] = the[i] + kingly[i];
    }
    assertThat(mean.get("results").get(0).get("similarity").asDouble())
        .isCloseTo(cosine(source, fastText.get("king")), within(1e-4));
    assertThat(mean.get("results").get(1).get("similarity").asDouble())
        .isCloseTo(cosine(source, fastText.get("hamlets")), within(1e-4));

    JsonNode sif =
        http.postJson(SUB + "/similarity/texts", "{" + texts + ", \"weighting\": \"sif\"}").json();
    assertThat(sif.get("results").get(1).get("similarity").isNumber()).isTrue();
    assertThat(strings(sif.get("source").get("oovWords"))).containsExactly("kingly");

    JsonNode wmd =
        http.postJson(
                SUB + "/similarity/texts",
                "{\"source\": \"kingly\", \"texts\": [\"king\", \"kingly kingly\"],"
                    + " \"weighting\": \"wmd\"}")
            .json();
    float[] king = unit(fastText.get("king"));
    double euclid = 0;
    for (int i = 0; i < king.length; i++) {
      euclid += (king[i] - kingly[i]) * (king[i] - kingly[i]);
    }
    assertThat(strings(wmd.get("source").get("oovWords"))).containsExactly("kingly");
    assertThat(wmd.get("results").get(0).get("distance").asDouble())
        .isCloseTo(Math.sqrt(euclid), within(1e-4));
    assertThat(wmd.get("results").get(1).get("distance").asDouble()).isCloseTo(0, within(1e-6));

    JsonNode strict = http.postJson(SUB + "/similarity/texts?oov=error", "{" + texts + "}").json();
    assertThat(strings(strict.get("source").get("unknown"))).containsExactly("kingly");
    assertThat(strict.get("source").has("oovWords")).isFalse();
    assertThat(strict.get("results").get(1).has("similarity")).isFalse();
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
            http.postJson(
                SUB + "/distances?oov=maybe", "{\"word\": \"king\", \"others\": [\"the\"]}"),
            http.get(SUB + "/rank?word=king&other=the&oov=maybe"),
            http.postJson(SUB + "/doesnt-match?oov=maybe", "{\"words\": [\"king\", \"the\"]}"),
            http.postJson(SUB + "/similarity?oov=maybe", "{\"a\": [\"king\"], \"b\": [\"the\"]}"),
            http.postJson(
                SUB + "/similarity/texts?oov=maybe",
                "{\"source\": \"king\", \"texts\": [\"the\"]}"),
            http.get("/api/v1/models/tiny/vectors/king?oov="),
            http.get("/api/v1/models/tiny/vectors/king?oov=NGRAM"));
    int routes = responses.size() - 2;
    for (int i = 0; i < routes; i++) {
      Response r = responses.get(i);
      assertThat(r.status()).as("route " + i).isEqualTo(400);
      assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-parameter");
      assertThat(r.json().get("parameter").asString()).isEqualTo("oov");
      assertThat(r.json().get("detail").asString()).contains("'ngram' or 'error'");
    }
    assertThat(responses.get(routes).status()).as("blank is the default").isEqualTo(200);
    assertThat(responses.get(routes + 1).status()).as("any case").isEqualTo(200);
  }
}
