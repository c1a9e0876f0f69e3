package io.wordvec.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAI-compatible routes: their answers, and a 4xx in OpenAI's envelope for bad input. */
@ApiIntegrationTest
class OpenAiApiIntegrationTests {

  @LocalServerPort int port;

  private HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void oneTextGetsOneUnitVectorFromTheDefaultModel() {
    Response r =
        http.postJson("/v1/embeddings", "{\"model\": \"default\", \"input\": \"king queen\"}");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("object").asString()).isEqualTo("list");
    assertThat(body.get("model").asString()).isEqualTo("tiny");
    assertThat(body.get("usage").get("prompt_tokens").asInt()).isEqualTo(2);
    assertThat(body.get("usage").get("total_tokens").asInt()).isEqualTo(2);
    JsonNode data = body.get("data");
    assertThat(data).hasSize(1);
    assertThat(data.get(0).get("object").asString()).isEqualTo("embedding");
    assertThat(data.get(0).get("index").asInt()).isZero();
    float[] vector = floats(data.get(0).get("embedding"));
    assertThat(vector).hasSize(8);
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void theAliasAndBase64GiveTheSameVectors() {
    String request = "{\"model\": \"tiny\", \"input\": [\"paris france\", \"bread\"]}";
    JsonNode floats = http.postJson("/v1/embeddings", request).json().get("data");
    JsonNode alias = http.postJson("/embeddings", request).json().get("data");
    JsonNode base64 =
        http.postJson(
                "/v1/embeddings",
                "{\"model\": \"tiny\", \"input\": [\"paris france\", \"bread\"],"
                    + " \"encoding_format\": \"base64\"}")
            .json()
            .get("data");

    assertThat(alias).isEqualTo(floats);
    for (int i = 0; i < 2; i++) {
      byte[] bytes = Base64.getDecoder().decode(base64.get(i).get("embedding").asString());
      float[] decoded = new float[bytes.length / 4];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(decoded);
      assertThat(decoded).containsExactly(floats(floats.get(i).get("embedding")));
    }
  }

  @Test
  void sifWeightingIsAnExtensionField() {
    float[] mean =
        floats(
            http.postJson("/v1/embeddings", "{\"model\": \"tiny\", \"input\": \"the king\"}")
                .json()
                .get("data")
                .get(0)
                .get("embedding"));
    float[] sif =
        floats(
            http.postJson(
                    "/v1/embeddings",
                    "{\"model\": \"tiny\", \"input\": \"the king\", \"weighting\": \"sif\"}")
                .json()
                .get("data")
                .get(0)
                .get("embedding"));
    assertThat(sif).isNotEqualTo(mean).hasSameSizeAs(mean);
  }

  @Test
  void modelsAreListedAndDescribedInOpenAisShape() {
    JsonNode list = http.get("/v1/models").json();
    assertThat(list.get("object").asString()).isEqualTo("list");
    assertThat(list.get("data").valueStream().map(m -> m.get("id").asString()))
        .contains("tiny", "small");
    JsonNode tiny = http.get("/v1/models/default").json();
    assertThat(tiny.get("id").asString()).isEqualTo("tiny");
    assertThat(tiny.get("object").asString()).isEqualTo("model");
    assertThat(tiny.get("owned_by").asString()).isEqualTo("wordvec");
    assertThat(tiny.get("created").asLong()).isPositive();
  }

  @Test
  void errorsUnderApiV1StayProblemDetails() {
    Response r = http.get("/api/v1/no-such-route");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/not-found");
  }

  static Stream<Arguments> badRequests() {
    String tenThousand =
        "[" + String.join(",", java.util.Collections.nCopies(10_000, "\"king\"")) + "]";
    String huge = "x".repeat(2 * 1024 * 1024);
    String nearlyHuge = "x".repeat(900 * 1024);
    return Stream.of(
        Arguments.of(
            "malformed JSON", "{\"model\": \"tiny\", \"input\": [", 400, "malformed_request", null),
        Arguments.of("no input", "{\"model\": \"tiny\"}", 400, "invalid_parameter", "input"),
        Arguments.of(
            "input null",
            "{\"model\": \"tiny\", \"input\": null}",
            400,
            "invalid_parameter",
            "input"),
        Arguments.of(
            "input an object",
            "{\"model\": \"tiny\", \"input\": {}}",
            400,
            "invalid_parameter",
            "input"),
        Arguments.of(
            "input a boolean",
            "{\"model\": \"tiny\", \"input\": true}",
            400,
            "invalid_parameter",
            "input"),
        Arguments.of(
            "empty input",
            "{\"model\": \"tiny\", \"input\": []}",
            400,
            "invalid_parameter",
            "input"),
        Arguments.of(
            "empty text",
            "{\"model\": \"tiny\", \"input\": \"\"}",
            400,
            "invalid_parameter",
            "input"),
        Arguments.of(
            "blank text in a list",
            "{\"model\": \"tiny\", \"input\": [\"king\", \" \"]}",
            400,
            "invalid_parameter",
            "input[1]"),
        Arguments.of(
            "a boolean in the list",
            "{\"model\": \"tiny\", \"input\": [\"king\", true]}",
            400,
            "invalid_parameter",
            "input[1]"),
        Arguments.of(
            "a token id",
            "{\"model\": \"tiny\", \"input\": 42}",
            400,
            "token_ids_not_supported",
            "input"),
        Arguments.of(
            "token ids",
            "{\"model\": \"tiny\", \"input\": [1, 2, 3]}",
            400,
            "token_ids_not_supported",
            "input"),
        Arguments.of(
            "token id arrays",
            "{\"model\": \"tiny\", \"input\": [[1, 2], [3]]}",
            400,
            "token_ids_not_supported",
            "input"),
        Arguments.of("no model", "{\"input\": \"king\"}", 400, "invalid_parameter", "model"),
        Arguments.of(
            "model an object",
            "{\"model\": {}, \"input\": \"king\"}",
            400,
            "malformed_request",
            null),
        Arguments.of(
            "unknown model",
            "{\"model\": \"gpt-4\", \"input\": \"king\"}",
            404,
            "model_not_found",
            null),
        Arguments.of(
            "unknown encoding",
            "{\"model\": \"tiny\", \"input\": \"king\", \"encoding_format\": \"int8\"}",
            400,
            "invalid_parameter",
            "encoding_format"),
        Arguments.of(
            "other dimensions",
            "{\"model\": \"tiny\", \"input\": \"king\", \"dimensions\": 4}",
            400,
            "invalid_parameter",
            "dimensions"),
        Arguments.of(
            "dimensions zero",
            "{\"model\": \"tiny\", \"input\": \"king\", \"dimensions\": 0}",
            400,
            "invalid_parameter",
            "dimensions"),
        Arguments.of(
            "dimensions a word",
            "{\"model\": \"tiny\", \"input\": \"king\", \"dimensions\": \"eight\"}",
            400,
            "malformed_request",
            null),
        Arguments.of(
            "unknown weighting",
            "{\"model\": \"tiny\", \"input\": \"king\", \"weighting\": \"tfidf\"}",
            400,
            "invalid_parameter",
            "weighting"),
        Arguments.of(
            "no known word",
            "{\"model\": \"tiny\", \"input\": [\"king\", \"zzz qqq\"]}",
            422,
            "no_known_words",
            "input[1]"),
        Arguments.of(
            "10,000 inputs",
            "{\"model\": \"tiny\", \"input\": " + tenThousand + "}",
            413,
            "payload_too_large",
            "input"),
        Arguments.of(
            "a huge string",
            "{\"model\": \"tiny\", \"input\": \"" + huge + "\"}",
            413,
            "payload_too_large",
            "body"),
        Arguments.of(
            "a long unknown word",
            "{\"model\": \"tiny\", \"input\": \"" + nearlyHuge + "\"}",
            422,
            "no_known_words",
            "input[0]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputGetsA4xxInOpenAisEnvelope(
      String name, String body, int status, String code, String param) {
    for (String path : new String[] {"/v1/embeddings", "/embeddings"}) {
      Response r = http.postJson(path, body);

      assertOpenAiError(r, status, code);
      JsonNode error = r.json().get("error");
      if (param == null) {
        assertThat(error.get("param").isNull()).as(r.text()).isTrue();
      } else {
        assertThat(error.get("param").asString()).isEqualTo(param);
      }
    }
  }

  @Test
  void routeAndMethodErrorsUnderV1AreInTheEnvelopeToo() {
    assertOpenAiError(http.get("/v1/embeddings"), 405, "method_not_allowed");
    assertOpenAiError(http.get("/v1/no-such-route"), 404, "not_found");
    assertOpenAiError(http.get("/v1/models/no-such-model"), 404, "model_not_found");
    assertOpenAiError(
        http.send("POST", "/v1/embeddings", "text/plain", "king"), 415, "unsupported_media_type");
    assertOpenAiError(
        http.send("POST", "/v1/embeddings", "application/json", ""), 400, "malformed_request");
  }

  private static void assertOpenAiError(Response r, int status, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode error = r.json().get("error");
    assertThat(error).as(r.text()).isNotNull();
    assertThat(error.get("message").asString()).isNotBlank().doesNotContain("Exception");
    assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.get("code").asString()).isEqualTo(code);
  }

  private static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).floatValue();
    }
    return out;
  }
}
