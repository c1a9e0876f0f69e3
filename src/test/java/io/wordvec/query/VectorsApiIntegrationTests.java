package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class VectorsApiIntegrationTests {

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void vectorOfAKnownWordHasItsRankDimensionAndValues() {
    Response response = http.get("/api/v1/models/default/vectors/king");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("model").asString()).isEqualTo("tiny");
    assertThat(body.get("word").asString()).isEqualTo("king");
    assertThat(body.get("rank").asInt()).isEqualTo(4);
    assertThat(body.has("count")).as("plain text vectors carry no counts").isFalse();
    assertThat(body.get("dimension").asInt()).isEqualTo(8);
    assertThat(body.get("normalized").asBoolean()).isFalse();
    assertThat(body.get("vector")).hasSize(8);
    assertThat(body.get("vector").get(0).asDouble()).isCloseTo(0.9, within(0.1));
  }

  @Test
  void normalizedVectorHasUnitLength() {
    JsonNode vector =
        http.get("/api/v1/models/tiny/vectors/queen?normalized=true").json().get("vector");

    double sum = 0;
    for (JsonNode value : vector) {
      sum += value.asDouble() * value.asDouble();
    }
    assertThat(Math.sqrt(sum)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void unknownWordIs404WithSuggestedSpellings() {
    Response response = http.get("/api/v1/models/default/vectors/kng");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo("/problems/word-not-found");
    assertThat(problem.get("word").asString()).isEqualTo("kng");
    assertThat(problem.get("words").get(0).asString()).isEqualTo("kng");
    assertThat(problem.get("model").asString()).isEqualTo("tiny");
    assertThat(problem.get("suggestions").get("kng").get(0).asString()).isEqualTo("king");
    assertThat(problem.get("detail").asString()).contains("kng").contains("king");
  }

  @Test
  void uppercaseWordSuggestsItsLowercaseForm() {
    JsonNode problem = http.get("/api/v1/models/default/vectors/Paris").json();

    assertThat(problem.get("suggestions").get("Paris").get(0).asString()).isEqualTo("paris");
  }

  @Test
  void unknownModelIs404ListingTheAvailableOnes() {
    Response response = http.get("/api/v1/models/nope/vectors/king");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo("/problems/model-not-found");
    assertThat(problem.get("model").asString()).isEqualTo("nope");
    assertThat(problem.get("available").toString()).contains("tiny").contains("small");
  }

  @Test
  void batchMarksUnknownWordsWithoutFailing() {
    Response response =
        http.postJson(
            "/api/v1/models/default/vectors", "{\"words\": [\"king\", \"xyzzy\", \"queen\"]}");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("results")).hasSize(3);
    assertThat(body.get("results").get(0).get("known").asBoolean()).isTrue();
    assertThat(body.get("results").get(0).get("vector")).hasSize(8);
    assertThat(body.get("results").get(1).get("word").asString()).isEqualTo("xyzzy");
    assertThat(body.get("results").get(1).get("known").asBoolean()).isFalse();
    assertThat(body.get("results").get(1).has("vector")).isFalse();
    assertThat(body.get("results").get(2).get("rank").asInt()).isEqualTo(5);
    assertThat(body.get("unknown").toString()).isEqualTo("[\"xyzzy\"]");
  }

  @Test
  void emptyBatchIs400NamingTheField() {
    Response response = http.postJson("/api/v1/models/default/vectors", "{\"words\": []}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-parameter");
    assertThat(response.json().get("parameter").asString()).isEqualTo("words");
  }

  @Test
  void blankWordInABatchIs400NamingItsIndex() {
    Response response =
        http.postJson("/api/v1/models/default/vectors", "{\"words\": [\"king\", \" \"]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("words[1]");
  }

  @Test
  void batchOverTheLimitIs413NamingTheLimit() {
    StringBuilder words = new StringBuilder("{\"words\": [");
    for (int i = 0; i < 1001; i++) {
      words.append(i == 0 ? "" : ",").append("\"w").append(i).append('"');
    }
    Response response = http.postJson("/api/v1/models/default/vectors", words + "]}");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.isProblem()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo("/problems/payload-too-large");
    assertThat(problem.get("parameter").asString()).isEqualTo("words");
    assertThat(problem.get("limit").asInt()).isEqualTo(1000);
  }

  @Test
  void similarityOfTwoWords() {
    Response response = http.get("/api/v1/models/default/similarity?a=france&b=paris");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("a").asString()).isEqualTo("france");
    assertThat(body.get("b").asString()).isEqualTo("paris");
    // gensim's KeyedVectors.similarity on the same file
    assertThat(body.get("similarity").asDouble()).isCloseTo(0.66207033, within(1e-5));
  }

  @Test
  void similarityWithTwoUnknownWordsListsBoth() {
    JsonNode problem = http.get("/api/v1/models/default/similarity?a=kinq&b=quen").json();

    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("words").toString()).isEqualTo("[\"kinq\",\"quen\"]");
    assertThat(problem.has("word")).isFalse();
    assertThat(problem.get("suggestions").get("kinq").get(0).asString()).isEqualTo("king");
    assertThat(problem.get("suggestions").get("quen").get(0).asString()).isEqualTo("queen");
  }

  @Test
  void similarityWithoutAParameterIs400NamingIt() {
    Response response = http.get("/api/v1/models/default/similarity?a=france");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("/problems/missing-parameter");
    assertThat(response.json().get("parameter").asString()).isEqualTo("b");
  }

  private static org.assertj.core.data.Offset<Double> within(double value) {
    return org.assertj.core.data.Offset.offset(value);
  }
}
