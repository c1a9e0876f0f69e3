package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an admin token set, state-changing requests need it; reads stay open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminTokenIntegrationTests {

  private static final String TOKEN = "s3cret-admin-token";

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wordvec.data.dir", () -> dir.resolve("data").toString());
    registry.add("wordvec.models.dir", () -> dir.resolve("models").toString());
    registry.add("wordvec.security.admin-token", () -> TOKEN);
  }

  @LocalServerPort int port;

  private static final byte[] CORPUS = "a b c\nb c d\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void aRequestWithoutTheTokenGets401AndChangesNothing() {
    Http anonymous = new Http(port);

    Http.Response r = anonymous.post("/api/v1/corpora", "text/plain", CORPUS);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/unauthorized");
    assertThat(anonymous.get("/api/v1/corpora").json()).isEmpty();

    Http.Response job =
        anonymous.postJson(
            "/api/v1/jobs", Map.of("type", "train", "corpus", "x", "outputModel", "m"));
    assertThat(job.status()).isEqualTo(401);
    assertThat(anonymous.get("/api/v1/jobs").json()).isEmpty();
  }

  @Test
  void aWrongTokenGets401LikeAMissingOne() {
    Http wrong = new Http(port).with("Authorization", "Bearer not-the-token");
    Http.Response r = wrong.post("/api/v1/corpora", "text/plain", CORPUS);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-token");
    assertThat(new Http(port).with("Authorization", "Basic abc").delete("/api/v1/jobs/x").status())
        .isEqualTo(401);
    assertThat(wrong.delete("/api/v1/jobs/0123456789abcdef").status()).isEqualTo(401);
    assertThat(new Http(port).delete("/api/v1/jobs/0123456789abcdef").status()).isEqualTo(401);
  }

  @Test
  void theRightTokenIsAcceptedAndReadsNeedNone() {
    Http admin = new Http(port).with("Authorization", "Bearer " + TOKEN);

    Http.Response r = admin.post("/api/v1/corpora", "text/plain", CORPUS);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asString();

    Http anonymous = new Http(port);
    assertThat(anonymous.get("/api/v1/corpora/" + id).status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/jobs").status()).isEqualTo(200);
    assertThat(anonymous.delete("/api/v1/corpora/" + id).status()).isEqualTo(401);
    assertThat(admin.delete("/api/v1/corpora/" + id).status()).isEqualTo(204);
  }

  @Test
  void queriesStayOpenEvenAsPost() {
    // no model is loaded here: what matters is that the filter lets the request through
    Http.Response r =
        new Http(port)
            .postJson("/api/v1/models/default/vectors", Map.of("words", java.util.List.of("a")));
    assertThat(r.status()).isNotIn(401, 403);
  }
}
