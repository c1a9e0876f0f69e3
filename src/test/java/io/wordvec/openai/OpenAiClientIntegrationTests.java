package io.wordvec.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.wordvec.testing.HttpTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official OpenAI Java SDK, pointed at a running wordvec by its base URL, gets the same vectors
 * as {@code /api/v1/models/{model}/embed} (normalised), in float and in base64, and is refused
 * without the API key.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "wordvec.models.dir=src/test/resources/models",
      "wordvec.models.default-model=tiny",
      "wordvec.security.api-keys=first-key, " + OpenAiClientIntegrationTests.KEY
    })
class OpenAiClientIntegrationTests {

  static final String KEY = "sk-wordvec-test";

  private static final List<String> TEXTS =
      List.of("The king and the queen.", "Paris is in France", "bread, cheese and wine");

  @LocalServerPort int port;

  private OpenAIClient client;

  @BeforeEach
  void client() {
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl("http://localhost:" + port + "/v1")
            .apiKey(KEY)
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void floatEmbeddingsAreTheNormalisedEmbedVectors() throws Exception {
    CreateEmbeddingResponse response =
        client
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("default")
                    .inputOfArrayOfStrings(TEXTS)
                    .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                    .build());

    assertThat(response.model()).isEqualTo("tiny");
    assertThat(response.data()).hasSize(TEXTS.size());
    assertThat(response.data().get(0).embeddingValue().isFloats()).isTrue();
    JsonNode embed = embed();
    assertSameVectors(response, vectors(embed));
    long tokens = embed.valueStream().mapToLong(e -> e.get("tokens").asLong()).sum();
    assertThat(response.usage().promptTokens()).isEqualTo(tokens).isGreaterThan(0);
    assertThat(response.usage().totalTokens()).isEqualTo(tokens);
  }

  @Test
  void base64EmbeddingsDecodeToTheSameVectors() throws Exception {
    CreateEmbeddingResponse response =
        client
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("tiny")
                    .inputOfArrayOfStrings(TEXTS)
                    .encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64)
                    .build());

    assertThat(response.data().get(0).embeddingValue().isBase64()).isTrue();
    assertSameVectors(response, vectors(embed()));
  }

  @Test
  void withoutTheKeyTheRequestGets401InOpenAisShape() {
    // the SDK refuses to send a request without a key: send what it sends, less the header
    HttpTestClient.Response r =
        new HttpTestClient(port)
            .postJson("/v1/embeddings", "{\"model\": \"tiny\", \"input\": \"king\"}");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    JsonNode error = r.json().get("error");
    assertThat(error.get("type").asString()).isEqualTo("authentication_error");
    assertThat(error.get("code").asString()).isEqualTo("unauthorized");
    assertThat(error.get("message").asString()).contains("Authorization: Bearer");
  }

  @Test
  void aWrongKeyIsRefusedAndTheClientSeesTheEnvelope() {
    OpenAIClient wrong =
        OpenAIOkHttpClient.builder()
            .baseUrl("http://localhost:" + port + "/v1")
            .apiKey("not-a-key")
            .maxRetries(0)
            .build();
    try {
      assertThatThrownBy(
              () ->
                  wrong
                      .embeddings()
                      .create(EmbeddingCreateParams.builder().model("tiny").input("king").build()))
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.type()).contains("authentication_error");
                assertThat(e.code()).contains("invalid_token");
              });
    } finally {
      wrong.close();
    }
  }

  private static void assertSameVectors(CreateEmbeddingResponse response, List<float[]> expected) {
    for (int i = 0; i < expected.size(); i++) {
      List<Float> actual = response.data().get(i).embedding();
      assertThat(response.data().get(i).index()).isEqualTo(i);
      assertThat(actual).hasSize(expected.get(i).length);
      for (int d = 0; d < actual.size(); d++) {
        assertThat(actual.get(d)).isCloseTo(expected.get(i)[d], within(1e-6f));
      }
    }
  }

  /** The same texts through wordvec's own API, with unit-length vectors: the embeddings. */
  private JsonNode embed() throws Exception {
    StringBuilder texts = new StringBuilder();
    for (String text : TEXTS) {
      texts.append(texts.isEmpty() ? "" : ",").append('"').append(text).append('"');
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/models/tiny/embed"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + KEY)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"texts\": [" + texts + "], \"normalize\": true}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body()).get("embeddings");
  }

  private static List<float[]> vectors(JsonNode embeddings) {
    return embeddings
        .valueStream()
        .map(
            e -> {
              JsonNode vector = e.get("vector");
              float[] out = new float[vector.size()];
              for (int d = 0; d < out.length; d++) {
                out[d] = vector.get(d).floatValue();
              }
              return out;
            })
        .toList();
  }

  @Test
  void theQueryApiNeedsTheKeyButHealthDoesNot() {
    HttpTestClient http = new HttpTestClient(port);
    HttpTestClient.Response withoutKey = http.get("/api/v1/models/tiny/vectors/king");
    assertThat(withoutKey.status()).isEqualTo(401);
    assertThat(withoutKey.isProblem()).isTrue();
    assertThat(withoutKey.json().get("type").asString()).isEqualTo("/problems/unauthorized");
    assertThat(withoutKey.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    assertThat(http.get("/actuator/prometheus").status()).isEqualTo(200);
    HttpTestClient.Response wrongKey =
        http.send("GET", "/v1/models", null, null, "Authorization", "Bearer nope");
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(wrongKey.json().get("error").get("code").asString()).isEqualTo("invalid_token");
    assertThat(
            http.send("GET", "/v1/models", null, null, "Authorization", "Bearer first-key")
                .status())
        .isEqualTo(200);
  }
}
