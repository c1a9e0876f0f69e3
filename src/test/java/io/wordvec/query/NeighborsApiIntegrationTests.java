package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Neighbours, analogies, the odd one out and set similarity over HTTP. Expected words and scores
 * are gensim 4.2's answers on the same file (src/test/resources/models/tiny.txt).
 */
@ApiIntegrationTest
class NeighborsApiIntegrationTests {

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  private static void assertNeighbors(JsonNode neighbors, String[] words, double[] scores) {
    assertThat(neighbors).hasSize(words.length);
    for (int i = 0; i < words.length; i++) {
      assertThat(neighbors.get(i).get("word").asString()).isEqualTo(words[i]);
      assertThat(neighbors.get(i).get("score").asDouble()).isCloseTo(scores[i], within(1e-5));
    }
  }

  @Test
  void neighborsOfAWordBestFirst() {
    Response response = http.get("/api/v1/models/default/neighbors?word=king&topn=3");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("model").asString()).isEqualTo("tiny");
    assertThat(body.get("method").asString()).isEqualTo("cosadd");
    assertThat(body.get("positive").toString()).isEqualTo("[\"king\"]");
    assertNeighbors(
        body.get("neighbors"),
        new String[] {"prince", "man", "princess"},
        new double[] {0.9097731, 0.7393146, 0.3432232});
  }

  @Test
  void neighborsDefaultToTen() {
    JsonNode body = http.get("/api/v1/models/default/neighbors?word=king").json();

    assertThat(body.get("neighbors")).hasSize(10);
  }

  @Test
  void restrictVocabSearchesOnlyTheMostFrequentWords() {
    JsonNode body =
        http.get("/api/v1/models/default/neighbors?word=king&topn=3&restrictVocab=6").json();

    assertNeighbors(
        body.get("neighbors"),
        new String[] {"man", "the", "of"},
        new double[] {0.7393146, 0.1493416, 0.1325207});
  }

  @Test
  void neighborsOfAnUnknownWordIs404WithSuggestions() {
    Response response = http.get("/api/v1/models/default/neighbors?word=qeen");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("suggestions").get("qeen").get(0).asString()).isEqualTo("queen");
  }

  @Test
  void neighborsOfACombinationWithCosAdd() {
    Response response =
        http.postJson(
            "/api/v1/models/default/neighbors",
            """
            {"positive": ["king", "woman"], "negative": ["man"], "topn": 3}""");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("negative").toString()).isEqualTo("[\"man\"]");
    assertNeighbors(
        body.get("neighbors"),
        new String[] {"queen", "princess", "of"},
        new double[] {0.9514571, 0.7906426, 0.1152444});
  }

  @Test
  void neighborsOfACombinationWithCosMul() {
    JsonNode body =
        http.postJson(
                "/api/v1/models/default/neighbors",
                """
                {"positive": ["king", "woman"], "negative": ["man"], "topn": 3, \
                "method": "cosmul"}""")
            .json();

    assertThat(body.get("method").asString()).isEqualTo("cosmul");
    assertNeighbors(
        body.get("neighbors"),
        new String[] {"queen", "princess", "of"},
        new double[] {2.2817166, 1.5307730, 0.5871925});
  }

  @Test
  void neighborsWithoutAnyWordIs400() {
    Response response = http.postJson("/api/v1/models/default/neighbors", "{\"topn\": 3}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("positive");
  }

  @Test
  void cosMulWithOnlyNegativeWordsIs400() {
    Response response =
        http.postJson(
            "/api/v1/models/default/neighbors",
            "{\"negative\": [\"king\"], \"method\": \"cosmul\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("positive");
  }

  @Test
  void onlyNegativeWordsWorkWithCosAdd() {
    Response response =
        http.postJson(
            "/api/v1/models/default/neighbors", "{\"negative\": [\"king\"], \"topn\": 2}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("neighbors")).hasSize(2);
  }

  @Test
  void neighborsWithAnUnknownMethodIs400() {
    Response response =
        http.postJson(
            "/api/v1/models/default/neighbors", "{\"positive\": [\"king\"], \"method\": \"x\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("method");
  }

  @Test
  void neighborsWithTopnOverTheLimitInTheBodyIs400() {
    Response response =
        http.postJson(
            "/api/v1/models/default/neighbors", "{\"positive\": [\"king\"], \"topn\": 5000}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("limit").asInt()).isEqualTo(1000);
  }

  @Test
  void analogyManKingWomanIsQueen() {
    Response response = http.get("/api/v1/models/default/analogy?a=man&b=king&c=woman&topn=2");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("a").asString()).isEqualTo("man");
    assertThat(body.get("method").asString()).isEqualTo("cosadd");
    assertNeighbors(
        body.get("answers"),
        new String[] {"queen", "princess"},
        new double[] {0.9514571, 0.7906426});
  }

  @Test
  void analogyWithCosMul() {
    JsonNode body =
        http.get("/api/v1/models/default/analogy?a=man&b=king&c=woman&topn=1&method=cosmul").json();

    assertNeighbors(body.get("answers"), new String[] {"queen"}, new double[] {2.2817166});
  }

  @Test
  void analogyWithAnUnknownWordIs404NamingIt() {
    Response response = http.get("/api/v1/models/default/analogy?a=man&b=kingg&c=woman");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("word").asString()).isEqualTo("kingg");
  }

  @Test
  void oddOneOut() {
    Response response =
        http.postJson(
            "/api/v1/models/default/doesnt-match",
            "{\"words\": [\"breakfast\", \"dinner\", \"supper\", \"horse\"]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("doesntMatch").asString()).isEqualTo("horse");
  }

  @Test
  void oddOneOutNeedsTwoWords() {
    Response response =
        http.postJson("/api/v1/models/default/doesnt-match", "{\"words\": [\"horse\"]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).contains("at least 2");
  }

  @Test
  void oddOneOutWithAnUnknownWordIs404() {
    Response response =
        http.postJson("/api/v1/models/default/doesnt-match", "{\"words\": [\"horse\", \"hrose\"]}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("suggestions").get("hrose").get(0).asString())
        .isEqualTo("horse");
  }

  @Test
  void similarityOfTwoWordSets() {
    Response response =
        http.postJson(
            "/api/v1/models/default/similarity",
            "{\"a\": [\"king\", \"queen\"], \"b\": [\"prince\", \"princess\"]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("similarity").asDouble()).isCloseTo(0.9359132, within(1e-5));
  }

  @Test
  void similarityOfSetsWithAnEmptySetIs400() {
    Response response =
        http.postJson("/api/v1/models/default/similarity", "{\"a\": [\"king\"], \"b\": []}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("b");
  }
}
