package io.wordvec.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class OpenApiIntegrationTests {

  @LocalServerPort int port;

  private static final Map<String, List<String>> ENDPOINTS =
      Map.ofEntries(
          Map.entry("/api/v1/models/{model}/embed", List.of("post")),
          Map.entry("/api/v1/models", List.of("get")),
          Map.entry("/api/v1/models/{model}", List.of("get")),
          Map.entry("/api/v1/models/{model}/vectors/{word}", List.of("get")),
          Map.entry("/api/v1/models/{model}/vectors", List.of("post")),
          Map.entry("/api/v1/models/{model}/similarity", List.of("get", "post")),
          Map.entry("/api/v1/models/{model}/similarity/texts", List.of("post")),
          Map.entry("/api/v1/models/{model}/neighbors", List.of("get", "post")),
          Map.entry("/api/v1/models/{model}/distances", List.of("post")),
          Map.entry("/api/v1/models/{model}/rank", List.of("get")),
          Map.entry("/api/v1/models/{model}/analogy", List.of("get")),
          Map.entry("/api/v1/models/{model}/doesnt-match", List.of("post")),
          Map.entry("/api/v1/models/{model}/translate", List.of("get")),
          Map.entry("/api/v1/alignments", List.of("get", "post")),
          Map.entry("/api/v1/alignments/{id}", List.of("get", "delete")),
          Map.entry("/v1/embeddings", List.of("post")),
          Map.entry("/embeddings", List.of("post")),
          Map.entry("/v1/models", List.of("get")),
          Map.entry("/v1/models/{model}", List.of("get")));

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

  @Test
  void neighbourQueriesDocumentTheSearchKnobsAndWhichSearchAnswered() {
    JsonNode docs = new HttpTestClient(port).get("/v3/api-docs").json();
    JsonNode paths = docs.get("paths");
    for (String path :
        List.of("/api/v1/models/{model}/neighbors", "/api/v1/models/{model}/analogy")) {
      List<String> names = new java.util.ArrayList<>();
      paths
          .get(path)
          .get("get")
          .get("parameters")
          .forEach(p -> names.add(p.get("name").asString()));
      assertThat(names).as(path).contains("exact", "ef");
    }
    JsonNode schemas = docs.get("components").get("schemas");
    assertThat(schemas.get("NeighborsRequest").get("properties").has("exact")).isTrue();
    assertThat(schemas.get("NeighborsRequest").get("properties").has("ef")).isTrue();
    assertThat(schemas.get("NeighborsResponse").get("properties").has("search")).isTrue();
    assertThat(schemas.get("AnalogyResponse").get("properties").has("search")).isTrue();
    assertThat(schemas.get("ModelSummary").get("properties").has("search")).isTrue();
  }

  /** The error responses each operation under /api/v1 documents, by method and path. */
  private static final Map<String, Set<String>> ERROR_RESPONSES =
      Map.ofEntries(
          Map.entry("get /api/v1/models", Set.of("503")),
          Map.entry("get /api/v1/models/{model}", Set.of("404", "429", "503")),
          Map.entry("get /api/v1/models/{model}/neighbors", Set.of("400", "404", "429", "503")),
          Map.entry(
              "post /api/v1/models/{model}/neighbors", Set.of("400", "404", "413", "429", "503")),
          Map.entry("get /api/v1/models/{model}/analogy", Set.of("400", "404", "429", "503")),
          Map.entry("get /api/v1/models/{model}/similarity", Set.of("400", "404", "429", "503")),
          Map.entry(
              "post /api/v1/models/{model}/similarity", Set.of("400", "404", "413", "429", "503")),
          Map.entry(
              "post /api/v1/models/{model}/doesnt-match",
              Set.of("400", "404", "413", "429", "503")),
          Map.entry(
              "get /api/v1/models/{model}/vectors/{word}", Set.of("400", "404", "429", "503")),
          Map.entry(
              "post /api/v1/models/{model}/vectors", Set.of("400", "404", "413", "429", "503")),
          Map.entry("post /api/v1/models/{model}/embed", Set.of("400", "404", "413", "429", "503")),
          Map.entry("get /api/v1/models/{model}/words", Set.of("400", "404", "429", "503")),
          Map.entry(
              "post /api/v1/models/{model}/similarity/texts",
              Set.of("400", "404", "413", "429", "503")),
          Map.entry(
              "post /api/v1/models/{model}/distances", Set.of("400", "404", "413", "429", "503")),
          Map.entry("get /api/v1/models/{model}/rank", Set.of("400", "404", "429", "503")),
          Map.entry(
              "post /api/v1/models/{model}/projection", Set.of("400", "404", "413", "429", "503")),
          Map.entry(
              "get /api/v1/models/{model}/translate", Set.of("400", "404", "409", "429", "503")),
          Map.entry("post /api/v1/alignments", Set.of("400", "404", "409", "413", "503")),
          Map.entry("get /api/v1/alignments", Set.of()),
          Map.entry("get /api/v1/alignments/{id}", Set.of("404")),
          Map.entry("delete /api/v1/alignments/{id}", Set.of("404")),
          Map.entry("post /api/v1/jobs", Set.of("400", "409", "413", "429", "507")),
          Map.entry("get /api/v1/jobs", Set.of()),
          Map.entry("get /api/v1/jobs/{id}", Set.of("404")),
          Map.entry("delete /api/v1/jobs/{id}", Set.of("404", "409")),
          Map.entry("get /api/v1/jobs/{id}/events", Set.of("404", "429")),
          Map.entry("post /api/v1/corpora", Set.of("400", "413", "422", "507")),
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
    return operations(new HttpTestClient(port).get("/v3/api-docs").json());
  }

  private static Map<String, JsonNode> operations(JsonNode document) {
    JsonNode paths = document.get("paths");
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
    assertErrorResponses(operations(), ERROR_RESPONSES);
  }

  /** Each operation under /api/v1 documents exactly the expected errors, all as problem details. */
  private static void assertErrorResponses(
      Map<String, JsonNode> allOperations, Map<String, Set<String>> expected) {
    Map<String, JsonNode> operations = new TreeMap<>(allOperations);
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
          assertThat(errors).as(operation).isEqualTo(expected.get(operation));
        });
    assertThat(operations.keySet()).isEqualTo(new TreeSet<>(expected.keySet()));
  }

  @Test
  void withoutAnAdminTokenNothingClaimsToNeedOne() {
    JsonNode document = new HttpTestClient(port).get("/v3/api-docs").json();

    assertThat(document.path("components").has("securitySchemes")).isFalse();
    assertThat(document.has("security")).isFalse();
    operations()
        .forEach((operation, node) -> assertThat(node.has("security")).as(operation).isFalse());
  }

  /** The operations the admin token guards: those that change state. */
  private static final Set<String> ADMIN_OPERATIONS =
      Set.of(
          "post /api/v1/jobs",
          "delete /api/v1/jobs/{id}",
          "get /api/v1/jobs/{id}/events",
          "post /api/v1/corpora",
          "delete /api/v1/corpora/{id}",
          "post /api/v1/alignments",
          "delete /api/v1/alignments/{id}");

  @Test
  void theOpenAiRoutesDocumentTheirErrorsInOpenAisEnvelopeAndACurlExample() {
    Map<String, JsonNode> operations = operations();
    Map<String, Set<String>> expected =
        Map.of(
            "post /v1/embeddings", Set.of("400", "404", "413", "422", "429", "503"),
            "post /embeddings", Set.of("400", "404", "413", "422", "429", "503"),
            "get /v1/models", Set.of("503"),
            "get /v1/models/{model}", Set.of("404", "503"));
    expected.forEach(
        (operation, codes) -> {
          JsonNode responses = operations.get(operation).get("responses");
          Set<String> errors = new TreeSet<>();
          for (String code : responses.propertyNames()) {
            if (code.startsWith("4") || code.startsWith("5")) {
              errors.add(code);
              JsonNode content = responses.get(code).get("content");
              assertThat(content.propertyNames()).as(operation).containsExactly("application/json");
              assertThat(content.get("application/json").get("schema").get("$ref").asString())
                  .isEqualTo("#/components/schemas/OpenAiError");
            }
          }
          assertThat(errors).as(operation).isEqualTo(codes);
        });
    assertThat(operations.get("post /v1/embeddings").get("description").asString())
        .contains("curl")
        .contains("/v1/embeddings");
  }

  /** The same application with API keys set. */
  @Nested
  @TestPropertySource(properties = "wordvec.security.api-keys=openapi-key")
  class ApiKeysSet {

    @LocalServerPort int keyPort;

    @Test
    void exactlyTheQueryOperationsRequireAKeyAndDocument401() {
      JsonNode document = new HttpTestClient(keyPort).get("/v3/api-docs").json();
      JsonNode scheme = document.get("components").get("securitySchemes").get("apiKey");
      assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
      assertThat(scheme.get("description").asString()).contains("wordvec.security.api-keys");

      Set<String> secured = new TreeSet<>();
      operations(document)
          .forEach(
              (operation, node) -> {
                if (node.has("security")) {
                  secured.add(operation);
                  assertThat(node.get("security").toString()).isEqualTo("[{\"apiKey\":[]}]");
                  JsonNode responses = node.get("responses");
                  assertThat(responses.has("401")).as(operation).isTrue();
                  assertThat(responses.has("403"))
                      .as("%s: any valid credential may query", operation)
                      .isFalse();
                }
              });
      Set<String> queries = new TreeSet<>(operations(document).keySet());
      queries.removeIf(
          operation ->
              !operation.contains(" /api/v1/models")
                  && !operation.contains(" /v1/")
                  && !operation.endsWith(" /embeddings"));
      assertThat(secured).isEqualTo(queries).contains("post /v1/embeddings");
    }
  }

  /** The same application with an admin token set. */
  @Nested
  @TestPropertySource(properties = "wordvec.security.admin-token=" + AdminTokenSet.TOKEN)
  class AdminTokenSet {

    static final String TOKEN = "openapi-admin-token";

    @LocalServerPort int tokenPort;

    private JsonNode document() {
      return new HttpTestClient(tokenPort).get("/v3/api-docs").json();
    }

    @Test
    void theDescriptionOffersABearerSchemeForSwaggerUisAuthorize() {
      JsonNode scheme = document().get("components").get("securitySchemes").get("adminToken");

      assertThat(scheme.get("type").asString()).isEqualTo("http");
      assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
      assertThat(scheme.get("description").asString()).contains("wordvec.security.admin-token");
    }

    @Test
    void exactlyTheStateChangingOperationsRequireTheToken() {
      Set<String> secured = new TreeSet<>();
      operations(document())
          .forEach(
              (operation, node) -> {
                if (node.has("security")) {
                  secured.add(operation);
                  assertThat(node.get("security").toString())
                      .as(operation)
                      .isEqualTo("[{\"adminToken\":[]}]");
                }
              });

      assertThat(secured).isEqualTo(new TreeSet<>(ADMIN_OPERATIONS));
      // no blanket requirement on the whole document: queries and reads stay open
      assertThat(document().has("security")).isFalse();
    }

    @Test
    void theGuardedOperationsDocument401And403AsProblemDetails() {
      Map<String, Set<String>> expected = new TreeMap<>(ERROR_RESPONSES);
      for (String operation : ADMIN_OPERATIONS) {
        Set<String> codes = new TreeSet<>(expected.get(operation));
        codes.addAll(Set.of("401", "403"));
        expected.put(operation, codes);
      }
      Map<String, JsonNode> operations = operations(document());

      assertErrorResponses(operations, expected);
      assertThat(
              operations
                  .get("post /api/v1/jobs")
                  .get("responses")
                  .get("401")
                  .get("description")
                  .asString())
          .contains("/problems/unauthorized");
    }

    @Test
    void theFilterRefusesWhatTheDescriptionSaysItGuards() {
      HttpTestClient anonymous = new HttpTestClient(tokenPort);

      assertThat(anonymous.send("DELETE", "/api/v1/jobs/0123456789abcdef", null, null).status())
          .isEqualTo(401);
      assertThat(anonymous.get("/api/v1/jobs/0123456789abcdef").status()).isEqualTo(404);
    }
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
                assertThat(notReady.get("description").asString())
                    .contains(operation.contains(" /api/") ? "/problems/not-ready" : "not_ready");
                assertThat(notReady.get("headers").has("Retry-After")).as(operation).isTrue();
              }
            });

    Set<String> modelOperations = new TreeSet<>(ERROR_RESPONSES.keySet());
    modelOperations.removeIf(operation -> !operation.contains(" /api/v1/models"));
    assertThat(modelOperations).hasSize(17);
    modelOperations.addAll(
        Set.of(
            "post /v1/embeddings",
            "post /embeddings",
            "get /v1/models",
            "get /v1/models/{model}",
            "post /api/v1/alignments"));
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
