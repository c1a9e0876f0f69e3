package io.wordvec.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import io.wordvec.vectors.VectorMath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class ActuatorIntegrationTests {

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void healthListsTheLoadedModelsAndTheDefault() {
    Response response = http.get("/actuator/health");

    assertThat(response.status()).isEqualTo(200);
    JsonNode models = response.json().get("components").get("models");
    assertThat(models.get("status").asString()).isEqualTo("UP");
    assertThat(models.get("details").get("default").asString()).isEqualTo("tiny");
    assertThat(models.get("details").get("models").get("tiny").get("words").asInt()).isEqualTo(20);
  }

  @Test
  void readinessIsUpOnceTheModelsAreLoaded() {
    Response response = http.get("/actuator/health/readiness");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asString()).isEqualTo("UP");
    assertThat(response.text()).contains("models");
  }

  @Test
  void livenessIsUp() {
    assertThat(http.get("/actuator/health/liveness").json().get("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void infoShowsTheBuildTheModelsAndTheSimdMode() {
    JsonNode info = http.get("/actuator/info").json();

    assertThat(info.get("build").get("artifact").asString()).isEqualTo("wordvec");
    assertThat(info.get("wordvec").get("simd").asString())
        .isEqualTo(VectorMath.implementationName());
    assertThat(info.get("wordvec").get("models").toString()).contains("\"tiny\"");
    assertThat(info.get("java").get("version").asString()).isNotBlank();
  }

  @Test
  void prometheusExposesTimersPerEndpoint() {
    http.get("/api/v1/models/default/vectors/king");

    Response response = http.get("/actuator/prometheus");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text())
        .contains("http_server_requests_seconds_bucket")
        .contains("uri=\"/api/v1/models/{model}/vectors/{word}\"")
        .contains("wordvec_models_loaded");
  }

  @Test
  void prometheusKeepsFullHistogramsOnlyOnQueryRoutes() {
    http.get("/api/v1/models/default/similarity?a=king&b=queen");
    http.get("/api/v1/jobs");

    String text = http.get("/actuator/prometheus").text();

    long queryBuckets = buckets(text, "uri=\"/api/v1/models/{model}/similarity\"");
    long jobBuckets = buckets(text, "uri=\"/api/v1/jobs\"");
    assertThat(queryBuckets).as("a percentile histogram").isGreaterThan(20);
    assertThat(jobBuckets).as("10 ms, 100 ms, 1 s, 10 s and +Inf").isEqualTo(5);
  }

  private static long buckets(String prometheus, String uri) {
    return prometheus
        .lines()
        .filter(l -> l.startsWith("http_server_requests_seconds_bucket{"))
        .filter(l -> l.contains(uri) && l.contains("status=\"200\""))
        .count();
  }

  @Test
  void metricsEndpointHasTheRequestTimer() {
    http.get("/api/v1/models/default/similarity?a=king&b=queen");

    JsonNode metric = http.get("/actuator/metrics/http.server.requests").json();

    assertThat(metric.get("availableTags").toString())
        .contains("/api/v1/models/{model}/similarity");
  }
}
