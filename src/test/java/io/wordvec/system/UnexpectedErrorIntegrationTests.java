package io.wordvec.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A fault of the service (here a programming error that throws IllegalArgumentException) is a 500
 * problem with an id that is also in the log; its message never reaches the client, however much it
 * looks like a client error.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"wordvec.models.dir=src/test/resources/models"})
@Import(UnexpectedErrorIntegrationTests.FaultyController.class)
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorIntegrationTests {

  @LocalServerPort int port;

  @TestConfiguration
  @RestController
  static class FaultyController {

    @GetMapping("/test/fault")
    String fault() {
      throw new IllegalArgumentException("secret detail from /var/lib/wordvec/internal.wvm");
    }
  }

  @Test
  void anUnexpectedExceptionIsA500WithALoggedIdAndNoMessage(CapturedOutput output) {
    Response response = new HttpTestClient(port).get("/test/fault");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.isProblem()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo("/problems/internal-error");
    String errorId = problem.get("errorId").asString();
    assertThat(errorId).matches("[0-9a-f]{12}");
    assertThat(problem.get("detail").asString()).contains(errorId);
    assertThat(response.text())
        .doesNotContain("secret")
        .doesNotContain("/var/lib")
        .doesNotContain("IllegalArgument");
    assertThat(output.getAll()).contains(errorId).contains("secret detail");
  }
}
