package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Neighbours of a vector and batches of queries, distances and rank, and text-to-text similarity:
 * their answers agree with the word routes, and bad input gets a 4xx problem, never a 5xx.
 */
@ApiIntegrationTest
class QueryByVectorAndBatchIntegrationTests {

  @LocalServerPort int port;

  private HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  private float[] vector(String word) {
    JsonNode vector = http.get("/api/v1/models/tiny/vectors/" + word).json().get("vector");
    float[] out = new float[vector.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vector.get(i).floatValue();
    }
    return out;
  }

  private static String json(float[] vector) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < vector.length; i++) {
      out.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return out.append(']').toString();
  }

  private static String base64(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  @Test
  void aWordsOwnVectorFindsTheWordFirstThenItsNeighbours() {
    float[] king = vector("king");
    JsonNode byVector =
        http.postJson(
                "/api/v1/models/tiny/neighbors", "{\"vector\": " + json(king) + ", \"topn\": 4}")
            .json();
    JsonNode byBase64 =
        http.postJson(
                "/api/v1/models/tiny/neighbors",
                "{\"vector\": \"" + base64(king) + "\", \"topn\": 4}")
            .json();
    JsonNode byWord = http.get("/api/v1/models/tiny/neighbors?word=king&topn=3").json();

    JsonNode neighbors = byVector.get("neighbors");
    assertThat(neighbors.get(0).get("word").asString()).isEqualTo("king");
    assertThat(neighbors.get(0).get("score").asDouble()).isCloseTo(1.0, within(1e-5));
    for (int i = 0; i < 3; i++) {
      assertThat(neighbors.get(i + 1).get("word").asString())
          .isEqualTo(byWord.get("neighbors").get(i).get("word").asString());
    }
    assertThat(byBase64.get("neighbors")).isEqualTo(neighbors);
  }

  @Test
  void aBatchAnswersEachQueryAsAloneInOrder() {
    String one = "{\"positive\": [\"king\", \"woman\"], \"negative\": [\"man\"], \"topn\": 3}";
    String two = "{\"positive\": [\"paris\"], \"method\": \"cosmul\", \"topn\": 2}";
    String three = "{\"vector\": " + json(vector("bread")) + ", \"topn\": 2}";

    Response batch =
        http.postJson(
            "/api/v1/models/default/neighbors",
            "{\"queries\": [" + one + ", " + two + ", " + three + "]}");

    assertThat(batch.status()).as(batch.text()).isEqualTo(200);
    assertThat(batch.json().get("model").asString()).isEqualTo("tiny");
    JsonNode results = batch.json().get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0))
        .isEqualTo(http.postJson("/api/v1/models/tiny/neighbors", one).json());
    assertThat(results.get(1))
        .isEqualTo(http.postJson("/api/v1/models/tiny/neighbors", two).json());
    assertThat(results.get(2))
        .isEqualTo(http.postJson("/api/v1/models/tiny/neighbors", three).json());
  }

  @Test
  void anUnknownWordInABatchNamesItsQuery() {
    Response r =
        http.postJson(
            "/api/v1/models/tiny/neighbors",
            "{\"queries\": [{\"positive\": [\"king\"]}, {\"positive\": [\"kingg\"]}]}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/word-not-found");
    assertThat(r.json().get("query").asInt()).isEqualTo(1);
    assertThat(r.json().get("word").asString()).isEqualTo("kingg");
  }

  @Test
  void distancesAreOneMinusTheSimilarity() {
    JsonNode distances =
        http.postJson(
                "/api/v1/models/tiny/distances",
                "{\"word\": \"king\", \"others\": [\"queen\", \"bread\", \"king\"]}")
            .json()
            .get("distances");
    double kingQueen =
        http.get("/api/v1/models/tiny/similarity?a=king&b=queen")
            .json()
            .get("similarity")
            .asDouble();

    assertThat(distances.get(0).get("word").asString()).isEqualTo("queen");
    assertThat(distances.get(0).get("distance").asDouble()).isCloseTo(1 - kingQueen, within(1e-6));
    assertThat(distances.get(2).get("distance").asDouble()).isCloseTo(0, within(1e-6));
    JsonNode byVector =
        http.postJson(
                "/api/v1/models/tiny/distances",
                "{\"vector\": " + json(vector("king")) + ", \"others\": [\"queen\"]}")
            .json();
    assertThat(byVector.get("distances").get(0).get("distance").asDouble())
        .isCloseTo(1 - kingQueen, within(1e-6));
    assertThat(byVector.has("word")).isFalse();
  }

  @Test
  void theRankOfAWordIsItsPlaceAmongTheNeighbours() {
    JsonNode neighbors =
        http.get("/api/v1/models/tiny/neighbors?word=king&topn=5").json().get("neighbors");
    String third = neighbors.get(2).get("word").asString();

    JsonNode rank = http.get("/api/v1/models/tiny/rank?word=king&other=" + third).json();

    assertThat(rank.get("rank").asInt()).isEqualTo(3);
    assertThat(rank.get("closerThan").valueStream().map(JsonNode::asString))
        .containsExactlyInAnyOrder(
            neighbors.get(0).get("word").asString(), neighbors.get(1).get("word").asString());
    assertThat(rank.get("truncated").asBoolean()).isFalse();
    JsonNode cut =
        http.get("/api/v1/models/tiny/rank?word=king&other=" + third + "&limit=1").json();
    assertThat(cut.get("closerThan")).hasSize(1);
    assertThat(cut.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void textsAreComparedWithTheSourceAndUnknownWordsAreListed() {
    JsonNode response =
        http.postJson(
                "/api/v1/models/tiny/similarity/texts",
                "{\"source\": \"the king and the queen\","
                    + " \"texts\": [\"a prince and a princess\", \"bread for breakfast\","
                    + " \"zzz qqq\"]}")
            .json();

    JsonNode results = response.get("results");
    assertThat(response.get("weighting").asString()).isEqualTo("mean");
    assertThat(results).hasSize(3);
    double royal = results.get(0).get("similarity").asDouble();
    double food = results.get(1).get("similarity").asDouble();
    assertThat(royal).isGreaterThan(food);
    assertThat(results.get(0).get("unknown").valueStream().map(JsonNode::asString))
        .containsExactly("a");
    assertThat(results.get(2).has("similarity")).isFalse();
    assertThat(results.get(2).get("known").asInt()).isZero();
    // the same cosine as the normalised embeddings of /embed
    JsonNode embed =
        http.postJson(
                "/api/v1/models/tiny/embed",
                "{\"texts\": [\"the king and the queen\", \"a prince and a princess\"],"
                    + " \"normalize\": true}")
            .json()
            .get("embeddings");
    double dot = 0;
    for (int i = 0; i < 8; i++) {
      dot +=
          embed.get(0).get("vector").get(i).asDouble()
              * embed.get(1).get("vector").get(i).asDouble();
    }
    assertThat(royal).isCloseTo(dot, within(1e-6));
  }

  @Test
  void wordMoversDistanceIsZeroForTheSameWordsAndSmallerForCloserTexts() {
    JsonNode results =
        http.postJson(
                "/api/v1/models/tiny/similarity/texts",
                "{\"source\": \"king queen\", \"weighting\": \"wmd\","
                    + " \"texts\": [\"queen king king queen\", \"prince princess\", \"bread"
                    + " dinner\"]}")
            .json()
            .get("results");

    assertThat(results.get(0).get("distance").asDouble()).isCloseTo(0, within(1e-9));
    assertThat(results.get(1).get("distance").asDouble())
        .isLessThan(results.get(2).get("distance").asDouble());
    assertThat(results.get(1).has("similarity")).isFalse();
  }

  @Test
  void theCaseFallbackFindsLowerCaseWordsForCapitalisedTokens() {
    String request =
        "{\"source\": \"KING Queen\", \"texts\": [\"Paris\"], \"tokenizer\": \"whitespace\"";
    JsonNode exact = http.postJson("/api/v1/models/tiny/similarity/texts", request + "}").json();
    JsonNode fallback =
        http.postJson("/api/v1/models/tiny/similarity/texts", request + ", \"caseFallback\": true}")
            .json();

    assertThat(exact.get("source").get("known").asInt()).isZero();
    assertThat(exact.get("source").get("unknown")).hasSize(2);
    assertThat(fallback.get("source").get("known").asInt()).isEqualTo(2);
    assertThat(fallback.get("results").get(0).get("similarity").isNumber()).isTrue();
  }

  static Stream<Arguments> badRequests() {
    String tenThousandQueries =
        "[" + String.join(",", Collections.nCopies(10_000, "{\"positive\": [\"king\"]}")) + "]";
    String tenThousandWords = "[" + String.join(",", Collections.nCopies(10_000, "\"king\"")) + "]";
    String huge = "x".repeat(2 * 1024 * 1024);
    String manyWords = String.join(" ", Collections.nCopies(300, "king queen")) + " ";
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 201; i++) {
      distinct.append("w").append(i).append(' ');
    }
    String n = "/api/v1/models/tiny/neighbors";
    String d = "/api/v1/models/tiny/distances";
    String t = "/api/v1/models/tiny/similarity/texts";
    String a = "/api/v1/alignments";
    return Stream.of(
        Arguments.of(a, "", 400, "/problems/malformed-request"),
        Arguments.of(a, "{}", 400, "/problems/invalid-parameter"),
        Arguments.of(a, "{\"source\": \"tiny\"}", 400, "/problems/invalid-parameter"),
        Arguments.of(
            a, "{\"source\": \"tiny\", \"target\": \"nope\"}", 404, "/problems/model-not-found"),
        Arguments.of(
            a,
            "{\"source\": \"tiny\", \"target\": \"small\"}",
            400,
            "/problems/dimension-mismatch"),
        Arguments.of(
            a,
            "{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": [[\"king\"]]}",
            400,
            "/problems/invalid-parameter"),
        Arguments.of(
            a,
            "{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": {}}",
            400,
            "/problems/malformed-request"),
        Arguments.of(
            a,
            "{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": [[\"king\","
                + " \"queen\"]]}",
            400,
            "/problems/too-few-pairs"),
        Arguments.of(
            a,
            "{\"source\": \"tiny\", \"target\": \"tiny\", \"identicalWords\": -1}",
            400,
            "/problems/invalid-parameter"),
        Arguments.of(n, "{\"vector\": [1, 2, 3]}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"vector\": \"not base64!\"}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"vector\": \"AAA=\"}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"vector\": []}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"vector\": [\"a\"]}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"vector\": true}", 400, "/problems/invalid-parameter"),
        Arguments.of(
            n, "{\"vector\": [1e39, 0, 0, 0, 0, 0, 0, 0]}", 400, "/problems/invalid-parameter"),
        Arguments.of(
            n,
            "{\"vector\": [1, 0, 0, 0, 0, 0, 0, 0], \"positive\": [\"king\"]}",
            400,
            "/problems/invalid-parameter"),
        Arguments.of(
            n,
            "{\"vector\": [1, 0, 0, 0, 0, 0, 0, 0], \"method\": \"cosmul\"}",
            400,
            "/problems/invalid-parameter"),
        Arguments.of(n, "{\"queries\": []}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"queries\": [null]}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"queries\": {}}", 400, "/problems/malformed-request"),
        Arguments.of(n, "{\"queries\": [{}]}", 400, "/problems/invalid-parameter"),
        Arguments.of(n, "{\"queries\": [{\"queries\": []}]}", 400, "/problems/invalid-parameter"),
        Arguments.of(
            n,
            "{\"queries\": [{\"positive\": [\"king\"]}], \"topn\": 3}",
            400,
            "/problems/invalid-parameter"),
        Arguments.of(
            n, "{\"queries\": " + tenThousandQueries + "}", 413, "/problems/payload-too-large"),
        Arguments.of(n, "{\"queries\": [", 400, "/problems/malformed-request"),
        Arguments.of(d, "{}", 400, "/problems/invalid-parameter"),
        Arguments.of(d, "{\"word\": \"king\"}", 400, "/problems/invalid-parameter"),
        Arguments.of(d, "{\"others\": [\"queen\"]}", 400, "/problems/invalid-parameter"),
        Arguments.of(
            d,
            "{\"word\": \"king\", \"vector\": [1], \"others\": [\"queen\"]}",
            400,
            "/problems/invalid-parameter"),
        Arguments.of(
            d, "{\"word\": \"king\", \"others\": \"queen\"}", 400, "/problems/malformed-request"),
        Arguments.of(
            d, "{\"word\": \"kingg\", \"others\": [\"queen\"]}", 404, "/problems/word-not-found"),
        Arguments.of(
            d,
            "{\"word\": \"king\", \"others\": " + tenThousandWords + "}",
            413,
            "/problems/payload-too-large"),
        Arguments.of(t, "", 400, "/problems/malformed-request"),
        Arguments.of(t, "{\"texts\": [\"a\"]}", 400, "/problems/invalid-parameter"),
        Arguments.of(t, "{\"source\": \"king\"}", 400, "/problems/invalid-parameter"),
        Arguments.of(
            t, "{\"source\": \"king\", \"texts\": []}", 400, "/problems/invalid-parameter"),
        Arguments.of(
            t, "{\"source\": \"king\", \"texts\": [null]}", 400, "/problems/invalid-parameter"),
        Arguments.of(t, "{\"source\": 5, \"texts\": {}}", 400, "/problems/malformed-request"),
        Arguments.of(
            t,
            "{\"source\": \"king\", \"texts\": [\"a\"], \"weighting\": \"tfidf\"}",
            400,
            "/problems/invalid-parameter"),
        Arguments.of(
            t,
            "{\"source\": \"king\", \"texts\": " + tenThousandWords + "}",
            413,
            "/problems/payload-too-large"),
        Arguments.of(
            t,
            "{\"source\": \"" + huge + "\", \"texts\": [\"a\"]}",
            413,
            "/problems/payload-too-large"),
        Arguments.of(
            t,
            "{\"source\": \"king\", \"weighting\": \"wmd\", \"texts\": [\"" + manyWords + "\"]}",
            200,
            null),
        Arguments.of(
            t,
            "{\"source\": \"king\", \"weighting\": \"wmd\", \"texts\": [\""
                + distinct
                + "\"],"
                + " \"tokenizer\": \"whitespace\"}",
            200,
            null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badRequests")
  void badInputGetsA4xxProblemNeverA5xx(String path, String body, int status, String type) {
    Response r = http.postJson(path, body);

    assertThat(r.status())
        .as(r.text().length() > 300 ? r.text().substring(0, 300) : r.text())
        .isEqualTo(status);
    if (type != null) {
      assertThat(r.isProblem()).isTrue();
      assertThat(r.json().get("type").asString()).isEqualTo(type);
      assertThat(r.json().get("detail").asString()).doesNotContain("Exception");
    }
  }

  @Test
  void rankRefusesBadParameters() {
    assertThat(http.get("/api/v1/models/tiny/rank?word=king").status()).isEqualTo(400);
    assertThat(http.get("/api/v1/models/tiny/rank?word=king&other=%20").status()).isEqualTo(400);
    assertThat(http.get("/api/v1/models/tiny/rank?word=king&other=queen&limit=0").status())
        .isEqualTo(400);
    assertThat(http.get("/api/v1/models/tiny/rank?word=king&other=queen&limit=x").status())
        .isEqualTo(400);
    assertThat(http.get("/api/v1/models/tiny/rank?word=kingg&other=queen").status()).isEqualTo(404);
  }
}
