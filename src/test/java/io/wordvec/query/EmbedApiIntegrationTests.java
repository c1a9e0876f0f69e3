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

@ApiIntegrationTest
class EmbedApiIntegrationTests {

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void meanOfTheKnownWordsUnitVectorsWithTheUnknownListed() {
    Response response =
        http.postJson(
            "/api/v1/models/default/embed",
            "{\"texts\": [\"The KING, the queen; and Xyzzy!\", \"nothing known here\"]}");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("weighting").asString()).isEqualTo("mean");
    assertThat(body.get("tokenizer").asString()).isEqualTo("normalizing");
    assertThat(body.get("dimension").asInt()).isEqualTo(8);
    JsonNode first = body.get("embeddings").get(0);
    assertThat(first.get("tokens").asInt()).isEqualTo(6);
    assertThat(first.get("known").asInt()).isEqualTo(5);
    assertThat(first.get("unknown").toString()).isEqualTo("[\"xyzzy\"]");
    assertThat(first.get("vector")).hasSize(8);
    JsonNode second = body.get("embeddings").get(1);
    assertThat(second.get("known").asInt()).isZero();
    assertThat(second.get("unknown").toString()).isEqualTo("[\"nothing\",\"known\",\"here\"]");
    for (JsonNode value : second.get("vector")) {
      assertThat(value.asDouble()).isZero();
    }
  }

  @Test
  void meanMatchesGensimsMeanOfUnitVectors() {
    JsonNode vector =
        http.postJson("/api/v1/models/default/embed", "{\"texts\": [\"king queen\"]}")
            .json()
            .get("embeddings")
            .get(0)
            .get("vector");

    // gensim: kv.get_mean_vector(["king", "queen"], pre_normalize=True, post_normalize=False)
    double[] expected = {
      0.73860192, -0.0085087717, 0.029365487, -0.011150986,
      -0.00067081861, 0.0082658008, -0.017503755, 0.077942669
    };
    for (int i = 0; i < expected.length; i++) {
      assertThat(vector.get(i).asDouble()).isCloseTo(expected[i], within(1e-5));
    }
  }

  @Test
  void sifWeightsFrequentWordsDown() {
    String texts = "{\"texts\": [\"the king\"], \"weighting\": \"%s\"}";
    JsonNode mean = http.postJson("/api/v1/models/default/embed", texts.formatted("mean")).json();
    JsonNode sif = http.postJson("/api/v1/models/default/embed", texts.formatted("sif")).json();

    assertThat(sif.get("weighting").asString()).isEqualTo("sif");
    // dimension 7 is the "function word" direction that "the" carries and "king" barely does
    double meanShare = share(mean, 7);
    double sifShare = share(sif, 7);
    assertThat(sifShare).isLessThan(meanShare);
  }

  private static double share(JsonNode body, int dimension) {
    JsonNode vector = body.get("embeddings").get(0).get("vector");
    double norm = 0;
    for (JsonNode value : vector) {
      norm += value.asDouble() * value.asDouble();
    }
    return Math.abs(vector.get(dimension).asDouble()) / Math.sqrt(norm);
  }

  @Test
  void whitespaceTokenizerKeepsTokensAsTheyAre() {
    JsonNode first =
        http.postJson(
                "/api/v1/models/default/embed",
                "{\"texts\": [\"King king\"], \"tokenizer\": \"whitespace\"}")
            .json()
            .get("embeddings")
            .get(0);

    assertThat(first.get("known").asInt()).isEqualTo(1);
    assertThat(first.get("unknown").toString()).isEqualTo("[\"King\"]");
  }

  @Test
  void unknownWeightingIs400() {
    Response response =
        http.postJson(
            "/api/v1/models/default/embed", "{\"texts\": [\"king\"], \"weighting\": \"tfidf\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("weighting");
  }

  @Test
  void noTextsIs400() {
    Response response = http.postJson("/api/v1/models/default/embed", "{\"texts\": []}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("parameter").asString()).isEqualTo("texts");
  }

  @Test
  void tooManyTextsIs413() {
    StringBuilder texts = new StringBuilder("{\"texts\": [");
    for (int i = 0; i < 1001; i++) {
      texts.append(i == 0 ? "" : ",").append("\"king\"");
    }
    Response response = http.postJson("/api/v1/models/default/embed", texts + "]}");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("parameter").asString()).isEqualTo("texts");
  }
}
