package io.wordvec.service.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.service.testing.ApiIntegrationTest;
import io.wordvec.service.testing.HttpTestClient;
import io.wordvec.service.testing.HttpTestClient.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class OpenApiIntegrationTests {

  @LocalServerPort int port;

  private static final Map<String, List<String>> ENDPOINTS =
      Map.of(
          "/api/v1/models/{model}/embed", List.of("post"),
          "/api/v1/models", List.of("get"),
          "/api/v1/models/{model}", List.of("get"),
          "/api/v1/models/{model}/vectors/{word}", List.of("get"),
          "/api/v1/models/{model}/vectors", List.of("post"),
          "/api/v1/models/{model}/similarity", List.of("get", "post"),
          "/api/v1/models/{model}/neighbors", List.of("get", "post"),
          "/api/v1/models/{model}/analogy", List.of("get"),
          "/api/v1/models/{model}/doesnt-match", List.of("post"));

  @Test
  void everyQueryEndpointIsDocumentedWithDescribedParametersAndExamples() {
    Response response = new HttpTestClient(port).get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    JsonNode paths = response.json().get("paths");
    ENDPOINTS.forEach(
        (path, methods) -> {
          assertThat(paths.has(path)).as(path).isTrue();
          for (String method : methods) {
            JsonNode operation = paths.get(path).get(method);
            assertThat(operation).as(method + " " + path).isNotNull();
            assertThat(operation.get("summary").asString()).as(path).isNotBlank();
            JsonNode parameters = operation.get("parameters");
            if (parameters != null) {
              for (JsonNode parameter : parameters) {
                String name = method + " " + path + " " + parameter.get("name").asString();
                assertThat(parameter.get("description").asString()).as(name).isNotBlank();
                assertThat(parameter.has("example")).as(name).isTrue();
              }
            }
          }
        });
  }

  /** The error responses each operation under /api/v1 documents, by method and path. */
  private static final Map<String, Set<String>> ERROR_RESPONSES =
      Map.ofEntries(
          Map.entry("get /api/v1/models", Set.of("503")),
          Map.entry("get /api/v1/models/{model}", Set.of("404", "503")),
          Map.entry("get /api/v1/models/{model}/neighbors", Set.of("400", "404", "503")),
          Map.entry("post /api/v1/models/{model}/neighbors", Set.of("400", "404", "413", "503")),
          Map.entry("get /api/v1/models/{model}/analogy", Set.of("400", "404", "503")),
          Map.entry("get /api/v1/models/{model}/similarity", Set.of("400", "404", "503")),
          Map.entry("post /api/v1/models/{model}/similarity", Set.of("400", "404", "413", "503")),
          Map.entry("post /api/v1/models/{model}/doesnt-match", Set.of("400", "404", "413", "503")),
          Map.entry("get /api/v1/models/{model}/vectors/{word}", Set.of("400", "404", "503")),
          Map.entry("post /api/v1/models/{model}/vectors", Set.of("400", "404", "413", "503")),
          Map.entry("post /api/v1/models/{model}/embed", Set.of("400", "404", "413", "503")),
          Map.entry("get /api/v1/models/{model}/words", Set.of("400", "404", "503")),
          Map.entry("post /api/v1/models/{model}/projection", Set.of("400", "404", "413", "503")),
          Map.entry("post /api/v1/jobs", Set.of("400", "409", "413", "429")),
          Map.entry("get /api/v1/jobs", Set.of()),
          Map.entry("get /api/v1/jobs/{id}", Set.of("404")),
          Map.entry("delete /api/v1/jobs/{id}", Set.of("404", "409")),
          Map.entry("get /api/v1/jobs/{id}/events", Set.of("404")),
          Map.entry("post /api/v1/corpora", Set.of("400", "413")),
          Map.entry("get /api/v1/corpora", Set.of()),
          Map.entry("get /api/v1/corpora/{id}", Set.of("404")),
          Map.entry("delete /api/v1/corpora/{id}", Set.of("404", "409")));

  @Test
  void queryErrorResponsesAreDocumentedAsProblemDetails() {
    JsonNode paths = new HttpTestClient(port).get("/v3/api-docs").json().get("paths");

    ERROR_RESPONSES.forEach(
        (operation, codes) -> {
          String[] methodAndPath = operation.split(" ");
          JsonNode responses = paths.get(methodAndPath[1]).get(methodAndPath[0]).get("responses");
          Set<String> documented = new TreeSet<>(responses.propertyNames());
          documented.removeIf(code -> code.startsWith("2"));
          assertThat(documented).as(operation).isEqualTo(new TreeSet<>(codes));
          for (String code : codes) {
            JsonNode response = responses.get(code);
            String name = operation + " " + code;
            assertThat(response.get("description").asString()).as(name).isNotBlank();
            JsonNode content = response.get("content");
            assertThat(content.propertyNames())
                .as(name)
                .containsExactly("application/problem+json");
            assertThat(content.get("application/problem+json").get("schema").get("$ref").asString())
                .as(name)
                .isEqualTo("#/components/schemas/ProblemDetail");
          }
        });
  }

  /** Every operation of the document, by method and path, e.g. {@code get /api/v1/models}. */
  private Map<String, JsonNode> operations() {
    JsonNode paths = new HttpTestClient(port).get("/v3/api-docs").json().get("paths");
    Map<String, JsonNode> operations = new TreeMap<>();
    for (String path : paths.propertyNames()) {
      for (String method : paths.get(path).propertyNames()) {
        operations.put(method + " " + path, paths.get(path).get(method));
      }
    }
    return operations;
  }

  @Test
  void everyOperationUnderApiV1DocumentsItsErrorsAsProblemDetailsOnly() {
    Map<String, JsonNode> operations = operations();
    operations.keySet().removeIf(operation -> !operation.contains(" /api/v1/"));

    operations.forEach(
        (operation, node) -> {
          JsonNode responses = node.get("responses");
          Set<String> errors = new TreeSet<>();
          for (String code : responses.propertyNames()) {
            if (code.startsWith("4") || code.startsWith("5")) {
              errors.add(code);
              assertProblemDetail(responses.get(code), operation + " " + code);
            }
          }
          assertThat(errors).as(operation).isEqualTo(ERROR_RESPONSES.get(operation));
        });
    assertThat(operations.keySet()).isEqualTo(new TreeSet<>(ERROR_RESPONSES.keySet()));
  }

  private static void assertProblemDetail(JsonNode response, String name) {
    assertThat(response.get("description").asString()).as(name).isNotBlank();
    JsonNode content = response.get("content");
    assertThat(content.propertyNames()).as(name).containsExactly("application/problem+json");
    assertThat(content.get("application/problem+json").get("schema").get("$ref").asString())
        .as(name)
        .isEqualTo("#/components/schemas/ProblemDetail");
  }

  @Test
  void exactlyTheModelAndQueryOperationsDocument503WithRetryAfter() {
    Set<String> with503 = new TreeSet<>();
    operations()
        .forEach(
            (operation, node) -> {
              JsonNode notReady = node.get("responses").get("503");
              if (notReady != null) {
                with503.add(operation);
                assertThat(notReady.get("description").asString()).contains("/problems/not-ready");
                assertThat(notReady.get("headers").has("Retry-After")).as(operation).isTrue();
              }
            });

    Set<String> modelOperations = new TreeSet<>(ERROR_RESPONSES.keySet());
    modelOperations.removeIf(operation -> !operation.contains(" /api/v1/models"));
    assertThat(modelOperations).hasSize(13);
    assertThat(with503).isEqualTo(modelOperations);
  }

  @Test
  void aFullJobQueueDocumentsRetryAfter() {
    JsonNode queueFull = operations().get("post /api/v1/jobs").get("responses").get("429");

    assertThat(queueFull.get("headers").get("Retry-After").get("schema").get("type").asString())
        .isEqualTo("integer");
  }

  @Test
  void swaggerUiIsServed() {
    Response response = new HttpTestClient(port).get("/swagger-ui/index.html");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).contains("swagger-ui");
  }
}
