package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A model file that does not load shows in health with its error; the others still serve. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FailedModelIntegrationTests {

  @TempDir static Path models;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void modelsDir(DynamicPropertyRegistry properties) throws IOException {
    Files.copy(Path.of("src/test/resources/models/tiny.txt"), models.resolve("good.txt"));
    Files.writeString(models.resolve("broken.txt"), "3 4\nking 0.1 0.2\n");
    Files.writeString(models.resolve("notes.md"), "not a model");
    properties.add("wordvec.models.dir", models::toString);
  }

  @Test
  void healthShowsTheFailedModelWithItsErrorWhileTheOthersServe() {
    HttpTestClient http = new HttpTestClient(port);

    JsonNode health = http.get("/actuator/health").json().get("components").get("models");
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("details").get("failed").get("broken").asString())
        .contains("broken.txt")
        .contains("line 2");
    assertThat(health.get("details").get("default").asString())
        .as("the only good model is the default")
        .isEqualTo("good");
    assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

    Response vector = http.get("/api/v1/models/default/vectors/king");
    assertThat(vector.status()).isEqualTo(200);
    assertThat(vector.json().get("model").asString()).isEqualTo("good");

    JsonNode list = http.get("/api/v1/models").json();
    assertThat(list.get("failed").get("broken").asString()).contains("broken.txt");
    assertThat(list.get("models")).hasSize(1);

    Response broken = http.get("/api/v1/models/broken");
    assertThat(broken.status()).isEqualTo(404);
    assertThat(broken.json().get("available").toString()).isEqualTo("[\"good\"]");
  }
}
