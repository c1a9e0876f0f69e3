package io.wordvec.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests need an API key when keys are set. */
class ProtectedRequestsTests {

  @Test
  void theQueryApiNeedsAKeyButNotJobsCorporaOrPreflights() {
    assertThat(ProtectedRequests.needsApiKey("GET", "/api/v1/models", true)).isTrue();
    assertThat(ProtectedRequests.needsApiKey("POST", "/api/v1/models/tiny/neighbors", true))
        .isTrue();
    assertThat(ProtectedRequests.needsApiKey("POST", "/v1/embeddings", true)).isTrue();
    assertThat(ProtectedRequests.needsApiKey("GET", "/v1/models", true)).isTrue();
    assertThat(ProtectedRequests.needsApiKey("POST", "/embeddings", true)).isTrue();
    assertThat(ProtectedRequests.needsApiKey("OPTIONS", "/v1/embeddings", true)).isFalse();
    assertThat(ProtectedRequests.needsApiKey("GET", "/api/v1/jobs", true)).isFalse();
    assertThat(ProtectedRequests.needsApiKey("GET", "/swagger-ui/index.html", true)).isFalse();
  }

  @Test
  void healthStaysOpenAndTheRestOfTheActuatorAsConfigured() {
    assertThat(ProtectedRequests.needsApiKey("GET", "/actuator/prometheus", true)).isFalse();
    assertThat(ProtectedRequests.needsApiKey("GET", "/actuator/prometheus", false)).isTrue();
    assertThat(ProtectedRequests.needsApiKey("GET", "/actuator/metrics/x", false)).isTrue();
    assertThat(ProtectedRequests.needsApiKey("GET", "/actuator/health", false)).isFalse();
    assertThat(ProtectedRequests.needsApiKey("GET", "/actuator/health/readiness", false)).isFalse();
  }
}
