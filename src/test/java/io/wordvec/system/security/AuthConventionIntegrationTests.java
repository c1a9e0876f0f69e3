package io.wordvec.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * One convention with an admin token and API keys set: 401 for a missing or unknown credential, 403
 * only for a valid credential without the right; and the guarded routes are real routes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuthConventionIntegrationTests {

  static final String ADMIN = "admin-token-of-the-test";
  static final String KEY = "query-key-of-the-test";

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wordvec.data.dir", () -> dir.resolve("data").toString());
    registry.add("wordvec.models.dir", () -> "src/test/resources/models");
    registry.add("wordvec.security.admin-token", () -> ADMIN);
    registry.add("wordvec.security.api-keys", () -> KEY);
  }

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private Response get(String path, String token) {
    HttpTestClient http = new HttpTestClient(port);
    return token == null
        ? http.get(path)
        : http.send("GET", path, null, null, "Authorization", "Bearer " + token);
  }

  private Response post(String path, String token) {
    return new HttpTestClient(port)
        .send("POST", path, "text/plain", "a b\n", "Authorization", "Bearer " + token);
  }

  @Test
  void aMissingOrWrongCredentialIs401AndAValidOneWithoutTheRightIs403() {
    Response missing = new HttpTestClient(port).send("POST", "/api/v1/corpora", "text/plain", "a");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");

    Response wrong = post("/api/v1/corpora", "nope");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/invalid-token");

    Response keyOnAdminRoute = post("/api/v1/corpora", KEY);
    assertThat(keyOnAdminRoute.status()).isEqualTo(403);
    assertThat(keyOnAdminRoute.header("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"insufficient_scope\"");
    assertThat(keyOnAdminRoute.json().get("type").asString()).isEqualTo("/problems/forbidden");

    assertThat(get("/api/v1/models/tiny/vectors/king", "nope").status()).isEqualTo(401);
    assertThat(get("/api/v1/models/tiny/vectors/king", KEY).status()).isEqualTo(200);
    assertThat(get("/api/v1/models/tiny/vectors/king", ADMIN).status()).isEqualTo(200);
  }

  @Test
  void progressStreamsFollowTheAdminTokenRule() {
    String events = "/api/v1/jobs/0123456789abcdef/events";
    assertThat(get(events, null).status()).isEqualTo(401);
    assertThat(get(events, KEY).status()).isEqualTo(403);
    assertThat(get(events, ADMIN).status()).as("past the token: no such job").isEqualTo(404);
    assertThat(get("/api/v1/jobs/0123456789abcdef", null).status())
        .as("reading a job stays open")
        .isEqualTo(404);
  }

  @Test
  void everyGuardedRouteIsARealRoute() {
    Set<String> changing = new HashSet<>();
    Set<String> reads = new HashSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (methods.contains(RequestMethod.GET)) {
                  reads.add(pattern);
                }
                if (methods.stream().anyMatch(m -> m != RequestMethod.GET)) {
                  changing.add(pattern);
                }
              }
            });
    assertThat(patterns(ProtectedRequests.PROTECTED)).isSubsetOf(changing);
    assertThat(patterns(ProtectedRequests.PROTECTED_READS)).isSubsetOf(reads);
  }

  private static List<String> patterns(List<PathPattern> patterns) {
    return patterns.stream().map(PathPattern::getPatternString).toList();
  }
}
