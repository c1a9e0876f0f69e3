package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every operation the OpenAPI description says can answer 503 really does while the models load.
 * The models are never loaded in this context (its properties differ from every other test's, so no
 * other test class shares it and loads them).
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "wordvec.models.dir=src/test/resources/models",
      "wordvec.models.load-on-startup=false"
    })
class NotReadyProblemsIntegrationTests {

  /**
   * A valid request for each operation, by method and path template (with its query string): the
   * JSON body, empty for none.
   */
  private static final Map<String, String> VALID_REQUESTS =
      Map.ofEntries(
          Map.entry("get /api/v1/models", ""),
          Map.entry("get /api/v1/models/{model}", ""),
          Map.entry("get /api/v1/models/{model}/vectors/{word}", ""),
          Map.entry("post /api/v1/models/{model}/vectors", "{\"words\": [\"king\"]}"),
          Map.entry("get /api/v1/models/{model}/similarity?a=king&b=queen", ""),
          Map.entry(
              "post /api/v1/models/{model}/similarity", "{\"a\": [\"king\"], \"b\": [\"man\"]}"),
          Map.entry("post /api/v1/models/{model}/doesnt-match", "{\"words\": [\"king\", \"man\"]}"),
          Map.entry("get /api/v1/models/{model}/neighbors?word=king", ""),
          Map.entry("post /api/v1/models/{model}/neighbors", "{\"positive\": [\"king\"]}"),
          Map.entry("get /api/v1/models/{model}/analogy?a=man&b=king&c=woman", ""),
          Map.entry("post /api/v1/models/{model}/embed", "{\"texts\": [\"the king\"]}"),
          Map.entry("get /api/v1/models/{model}/words?prefix=ki", ""),
          Map.entry("post /api/v1/models/{model}/projection", "{\"words\": [\"king\"]}"),
          Map.entry(
              "post /api/v1/models/{model}/similarity/texts",
              "{\"source\": \"the king\", \"texts\": [\"the queen\"]}"),
          Map.entry(
              "post /api/v1/models/{model}/distances",
              "{\"word\": \"king\", \"others\": [\"queen\"]}"),
          Map.entry("get /api/v1/models/{model}/rank?word=king&other=queen", ""),
          Map.entry("get /api/v1/models/{model}/translate?word=king&target=default", ""),
          Map.entry("post /api/v1/alignments", "{\"source\": \"default\", \"target\": \"tiny\"}"),
          Map.entry("post /v1/embeddings", "{\"model\": \"default\", \"input\": \"king\"}"),
          Map.entry("post /embeddings", "{\"model\": \"default\", \"input\": \"king\"}"),
          Map.entry("get /v1/models", ""),
          Map.entry("get /v1/models/{model}", ""));

  @LocalServerPort int port;

  @Test
  void everyOperationDocumenting503AnswersANotReadyProblemWithRetryAfter() {
    HttpTestClient http = new HttpTestClient(port);
    JsonNode paths = http.get("/v3/api-docs").json().get("paths");

    int checked = 0;
    for (String path : paths.propertyNames()) {
      for (String method : paths.get(path).propertyNames()) {
        if (!paths.get(path).get(method).get("responses").has("503")) {
          continue;
        }
        String operation = method + " " + path;
        String key =
            VALID_REQUESTS.keySet().stream()
                .filter(k -> k.equals(operation) || k.startsWith(operation + "?"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no valid request for " + operation));
        String target =
            key.substring(method.length() + 1)
                .replace("{model}", "default")
                .replace("{word}", "king");
        String body = VALID_REQUESTS.get(key);

        Response response =
            http.send(
                method.toUpperCase(Locale.ROOT),
                target,
                body.isEmpty() ? null : "application/json",
                body.isEmpty() ? null : body);

        assertThat(response.status()).as(operation).isEqualTo(503);
        if (path.startsWith("/api/")) {
          assertThat(response.isProblem()).as(operation).isTrue();
          assertThat(response.json().get("type").asString()).isEqualTo("/problems/not-ready");
        } else {
          // the OpenAI-compatible routes: the same problem in OpenAI's envelope
          assertThat(response.json().get("error").get("code").asString()).isEqualTo("not_ready");
        }
        assertThat(response.header("Retry-After")).as(operation).matches("[1-9][0-9]*");
        checked++;
      }
    }
    assertThat(checked).isEqualTo(VALID_REQUESTS.size());
  }
}
