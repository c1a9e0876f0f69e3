package io.wordvec.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every kind of bad request gets a problem detail, never a stack trace and never a 500. */
@ApiIntegrationTest
class ProblemDetailsIntegrationTests {

  @LocalServerPort int port;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  private static JsonNode problem(Response response, int status, String type) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.isProblem()).as("content type %s", response.contentType()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo(type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(response.text())
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("tools.jackson")
        .doesNotContain("at io.wordvec")
        .doesNotContain("trace");
    return problem;
  }

  @Test
  void unknownRouteIs404Problem() {
    JsonNode problem = problem(http.get("/api/v1/nothing-here"), 404, "/problems/not-found");
    assertThat(problem.get("detail").asString()).contains("/api/v1/nothing-here");
  }

  @Test
  void unknownRouteOutsideTheApiIs404ProblemToo() {
    problem(http.get("/no/such/page.html"), 404, "/problems/not-found");
  }

  @Test
  void wrongMethodIs405Problem() {
    problem(
        http.send("DELETE", "/api/v1/models/default/vectors/king", null, null),
        405,
        "/problems/method-not-allowed");
  }

  @Test
  void malformedJsonIs400ProblemWithTheLocation() {
    JsonNode problem =
        problem(
            http.postJson("/api/v1/models/default/vectors", "{\"words\": [\"king\""),
            400,
            "/problems/malformed-request");
    assertThat(problem.get("detail").asString()).contains("not valid JSON");
  }

  @Test
  void wrongJsonShapeIs400ProblemNamingTheField() {
    JsonNode problem =
        problem(
            http.postJson("/api/v1/models/default/vectors", "{\"words\": {\"a\": 1}}"),
            400,
            "/problems/malformed-request");
    assertThat(problem.get("detail").asString()).contains("'words'");
  }

  @Test
  void missingBodyIs400Problem() {
    problem(
        http.send("POST", "/api/v1/models/default/vectors", "application/json", null),
        400,
        "/problems/malformed-request");
  }

  @Test
  void wrongContentTypeIs415Problem() {
    problem(
        http.send("POST", "/api/v1/models/default/vectors", "text/plain", "king"),
        415,
        "/problems/unsupported-media-type");
  }

  @Test
  void typeMismatchIs400ProblemNamingTheParameter() {
    JsonNode problem =
        problem(
            http.get("/api/v1/models/default/vectors/king?normalized=maybe"),
            400,
            "/problems/invalid-parameter");
    assertThat(problem.get("parameter").asString()).isEqualTo("normalized");
    assertThat(problem.get("detail").asString()).contains("true or false").contains("maybe");
  }

  @Test
  void missingParameterIs400ProblemNamingIt() {
    JsonNode problem =
        problem(http.get("/api/v1/models/default/neighbors"), 400, "/problems/missing-parameter");
    assertThat(problem.get("parameter").asString()).isEqualTo("word");
  }

  @Test
  void topnAboveTheLimitIs400NamingTheLimit() {
    JsonNode problem =
        problem(
            http.get("/api/v1/models/default/neighbors?word=king&topn=1001"),
            400,
            "/problems/invalid-parameter");
    assertThat(problem.get("parameter").asString()).isEqualTo("topn");
    assertThat(problem.get("limit").asInt()).isEqualTo(1000);
    assertThat(problem.get("detail").asString()).contains("1000").contains("1001");
  }

  @Test
  void topnBelowOneIs400() {
    problem(
        http.get("/api/v1/models/default/neighbors?word=king&topn=0"),
        400,
        "/problems/invalid-parameter");
  }

  @Test
  void hugeTopnIs400NotAServerError() {
    problem(
        http.get("/api/v1/models/default/neighbors?word=king&topn=99999999999999"),
        400,
        "/problems/invalid-parameter");
  }

  @Test
  void negativeRestrictVocabIs400() {
    JsonNode problem =
        problem(
            http.get("/api/v1/models/default/neighbors?word=king&restrictVocab=-1"),
            400,
            "/problems/invalid-parameter");
    assertThat(problem.get("parameter").asString()).isEqualTo("restrictVocab");
  }

  @Test
  void unknownAnalogyMethodIs400NamingTheChoices() {
    JsonNode problem =
        problem(
            http.get("/api/v1/models/default/analogy?a=man&b=king&c=woman&method=cosine"),
            400,
            "/problems/invalid-parameter");
    assertThat(problem.get("parameter").asString()).isEqualTo("method");
    assertThat(problem.get("detail").asString()).contains("cosadd").contains("cosmul");
  }

  @Test
  void bodyOverTheSizeLimitIs413Problem() {
    String body = "{\"words\": [\"" + "a".repeat(1_100_000) + "\"]}";
    JsonNode problem =
        problem(
            http.postJson("/api/v1/models/default/vectors", body),
            413,
            "/problems/payload-too-large");
    assertThat(problem.get("limit").asLong()).isEqualTo(1024 * 1024);
  }

  @Test
  void chunkedBodyOverTheSizeLimitIs413Problem() {
    byte[] body =
        ("{\"words\": [\"" + "a".repeat(1_100_000) + "\"]}").getBytes(StandardCharsets.UTF_8);
    problem(
        http.postChunked("/api/v1/models/default/vectors", "application/json", body),
        413,
        "/problems/payload-too-large");
  }

  @Test
  void unknownModelInAPostIs404Problem() {
    problem(
        http.postJson("/api/v1/models/missing/vectors", "{\"words\": [\"king\"]}"),
        404,
        "/problems/model-not-found");
  }

  @Test
  void urlTomcatRejectsIs400ProblemNotAnHtmlPage() {
    problem(http.get("/api/v1/models/default/vectors/a%2Fb"), 400, "/problems/bad-request");
  }

  @Test
  void actuatorNotFoundWithoutABodyGetsAProblem() {
    problem(http.get("/actuator/metrics/no.such.metric"), 404, "/problems/not-found");
  }

  @Test
  void actuatorWrongMethodIs405Problem() {
    problem(http.send("POST", "/actuator/health", null, null), 405, "/problems/method-not-allowed");
  }

  @Test
  void errorPathItselfAnswersWithAProblem() {
    problem(http.get("/error"), 404, "/problems/not-found");
  }
}
