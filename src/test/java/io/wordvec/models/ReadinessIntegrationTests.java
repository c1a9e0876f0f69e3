package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Before the models are loaded, queries answer 503 and readiness is DOWN; after, both recover. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "wordvec.models.dir=src/test/resources/models",
      "wordvec.models.default-model=tiny",
      "wordvec.models.load-on-startup=false"
    })
class ReadinessIntegrationTests {

  @LocalServerPort int port;

  @Autowired ModelRegistry registry;

  @Test
  void queriesAnswer503AndReadinessIsDownUntilTheModelsAreLoaded() {
    HttpTestClient http = new HttpTestClient(port);

    Response query = http.get("/api/v1/models/default/vectors/king");
    assertThat(query.status()).isEqualTo(503);
    assertThat(query.isProblem()).isTrue();
    assertThat(query.json().get("type").asString()).isEqualTo("/problems/not-ready");
    assertThat(http.get("/api/v1/models").status()).isEqualTo(503);
    Response readiness = http.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
    assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

    registry.loadAll();

    assertThat(http.get("/api/v1/models/default/vectors/king").status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
  }
}
