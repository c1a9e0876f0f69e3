package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The error responses the query operations document, each one produced by a real request. */
@ApiIntegrationTest
class QueryProblemsIntegrationTests {

  /** One word more than wordvec.limits.max-batch-words allows by default. */
  private static final String TOO_MANY_WORDS =
      "[" + String.join(",", Collections.nCopies(1001, "\"king\"")) + "]";

  private static final String INVALID = "/problems/invalid-parameter";
  private static final String TOO_LARGE = "/problems/payload-too-large";

  @LocalServerPort int port;

  private HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  private static void assertProblem(Response response, int status, String type) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.contentType()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo(type);
  }

  @Test
  void similarityOfAMissingOrBlankWordIs400() {
    assertProblem(
        http.get("/api/v1/models/default/similarity?a=king"), 400, "/problems/missing-parameter");
    assertProblem(http.get("/api/v1/models/default/similarity?a=%20&b=king"), 400, INVALID);
  }

  /** Posts JSON to an operation of the default model, e.g. {@code similarity}. */
  private Response post(String operation, String json) {
    return http.postJson("/api/v1/models/default/" + operation, json);
  }

  @Test
  void setSimilarityWithoutBodyOrWithAnEmptySetIs400AndTooManyWordsIs413() {
    Response noBody =
        http.send("POST", "/api/v1/models/default/similarity", "application/json", null);
    assertProblem(noBody, 400, "/problems/malformed-request");
    assertProblem(post("similarity", "{\"a\": [], \"b\": [\"king\"]}"), 400, INVALID);
    assertProblem(
        post("similarity", "{\"a\": " + TOO_MANY_WORDS + ", \"b\": [\"king\"]}"), 413, TOO_LARGE);
  }

  @Test
  void doesntMatchWithOneWordIs400AndTooManyWordsIs413() {
    assertProblem(post("doesnt-match", "{\"words\": [\"king\"]}"), 400, INVALID);
    assertProblem(post("doesnt-match", "{\"words\": " + TOO_MANY_WORDS + "}"), 413, TOO_LARGE);
  }

  @Test
  void neighboursOfTooManyWordsIs413() {
    assertProblem(post("neighbors", "{\"positive\": " + TOO_MANY_WORDS + "}"), 413, TOO_LARGE);
  }

  @Test
  void vectorOfABlankWordOrWithABadNormalizedFlagIs400() {
    assertProblem(http.get("/api/v1/models/default/vectors/%20"), 400, INVALID);
    Response flag = http.get("/api/v1/models/default/vectors/king?normalized=maybe");
    assertProblem(flag, 400, INVALID);
    assertThat(flag.json().get("parameter").asString()).isEqualTo("normalized");
  }

  @Test
  void batchVectorsWithoutWordsIs400AndOfAnUnknownModelIs404() {
    assertProblem(http.postJson("/api/v1/models/default/vectors", "{\"words\": []}"), 400, INVALID);
    Response unknown = http.postJson("/api/v1/models/missing/vectors", "{\"words\": [\"king\"]}");
    assertProblem(unknown, 404, "/problems/model-not-found");
    assertThat(unknown.json().get("model").asString()).isEqualTo("missing");
  }

  @Test
  void embeddingWithAnUnknownModelIs404() {
    Response response =
        http.postJson("/api/v1/models/missing/embed", "{\"texts\": [\"the king\"]}");

    assertProblem(response, 404, "/problems/model-not-found");
    assertThat(response.json().get("model").asString()).isEqualTo("missing");
  }

  @Test
  void aJobSubmissionOverTheBodyLimitIs413BeforeAnyValidation() {
    String body = "{\"type\": \"train\", \"corpus\": \"" + "a".repeat(1_100_000) + "\"}";

    assertProblem(http.postJson("/api/v1/jobs", body), 413, TOO_LARGE);
  }
}
