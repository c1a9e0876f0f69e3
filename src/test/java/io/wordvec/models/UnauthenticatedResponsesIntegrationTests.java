package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile files in the models directory (a header that lies about its size, a text file that is not
 * a model, a link out of the directory) are refused by kind and name, and no response open to
 * anyone names a directory of the machine or quotes a file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnauthenticatedResponsesIntegrationTests {

  @TempDir static Path root;

  @LocalServerPort int port;

  static final String SECRET = "hunter2";

  @DynamicPropertySource
  static void directories(DynamicPropertyRegistry properties) throws IOException {
    Path models = Files.createDirectories(root.resolve("models"));
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.copy(Path.of("src/test/resources/models/tiny.txt"), models.resolve("good.txt"));
    StringBuilder lying = new StringBuilder("1400000 1000\n");
    for (int row = 0; row < 3; row++) {
      lying.append('w').append(row).append(" 0.25".repeat(1000)).append('\n');
    }
    Files.writeString(models.resolve("lying.txt"), lying);
    Files.writeString(models.resolve("notes.txt"), "password=" + SECRET + " do not share\n");
    Files.copy(Path.of("src/test/resources/models/tiny.txt"), outside.resolve("real.txt"));
    Files.createSymbolicLink(models.resolve("escape.txt"), outside.resolve("real.txt"));
    Files.createSymbolicLink(models.resolve("alias.txt"), models.resolve("good.txt"));
    properties.add("wordvec.models.dir", models::toString);
    properties.add("wordvec.data.dir", () -> root.resolve("data").toString());
  }

  @Test
  void hostileModelFilesAreRefusedByNameAndKindOnly() {
    HttpTestClient http = new HttpTestClient(port);

    JsonNode failed = http.get("/api/v1/models").json().get("failed");
    assertThat(failed.get("lying").asString())
        .startsWith("lying.txt: truncated: the header declares 1400000 words");
    assertThat(failed.get("notes").asString())
        .startsWith("notes.txt: the first line must be '<count> <dimension>'")
        .doesNotContain(SECRET);
    assertThat(failed.get("escape").asString())
        .isEqualTo("escape.txt: " + ModelFileGuard.LEADS_OUT);
    assertThat(failed.has("alias")).as("a link within the directory is followed").isFalse();
    JsonNode health = http.get("/actuator/health").json().get("components").get("models");
    assertThat(health.get("details").get("failed")).isEqualTo(failed);
    assertThat(health.get("details").get("models").has("alias")).isTrue();
  }

  @Test
  void noOpenResponseNamesADirectoryOfTheMachineOrQuotesAFile() throws IOException {
    HttpTestClient http = new HttpTestClient(port);
    http.get("/api/v1/models/good/vectors/king");
    List<String> forbidden =
        List.of(
            root.toString(),
            root.toRealPath().toString(),
            Path.of("").toAbsolutePath().toString(),
            SECRET);
    for (String path :
        List.of(
            "/actuator/health",
            "/actuator/health/readiness",
            "/actuator/info",
            "/actuator/prometheus",
            "/actuator/metrics",
            "/actuator/metrics/disk.free",
            "/api/v1/models",
            "/api/v1/models/escape",
            "/api/v1/models/notes",
            "/api/v1/jobs",
            "/api/v1/corpora",
            "/v1/models",
            "/v3/api-docs",
            "/no/such/route")) {
      Response response = http.get(path);
      for (String secret : forbidden) {
        assertThat(response.text()).as(path).doesNotContain(secret);
      }
    }
  }
}
