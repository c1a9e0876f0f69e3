package io.wordvec.service.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.service.testing.ApiIntegrationTest;
import io.wordvec.service.testing.HttpTestClient;
import io.wordvec.service.testing.HttpTestClient.Response;
import java.util.List;
import java.util.Map;
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

  @Test
  void swaggerUiIsServed() {
    Response response = new HttpTestClient(port).get("/swagger-ui/index.html");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).contains("swagger-ui");
  }
}
