package io.wordvec.system.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control ({@code wordvec.security.*}).
 *
 * @param adminToken when set, requests that change state (corpora, jobs, model management) need
 *     {@code Authorization: Bearer <adminToken>}. Unset or blank: no check.
 * @param apiKeys when one or more are set, queries ({@code /api/v1/models/**}, the
 *     OpenAI-compatible {@code /v1/**} and {@code /embeddings}) need {@code Authorization: Bearer
 *     <one of them>}; the admin token is accepted too. Empty: queries stay open.
 * @param openActuator whether the actuator endpoints (metrics, Prometheus, info) stay open when API
 *     keys are set; health and its probes are always open
 */
@ConfigurationProperties("wordvec.security")
public record SecurityProperties(
    String adminToken, List<String> apiKeys, @DefaultValue("true") boolean openActuator) {

  public SecurityProperties {
    apiKeys =
        apiKeys == null
            ? List.of()
            : apiKeys.stream()
                .filter(key -> key != null && !key.isBlank())
                .map(String::strip)
                .toList();
  }

  /** Whether an admin token is set, so that state-changing requests need it. */
  public boolean enabled() {
    return adminToken != null && !adminToken.isBlank();
  }

  /** Whether API keys are set, so that queries need one. */
  public boolean apiKeysEnabled() {
    return !apiKeys.isEmpty();
  }
}
