package io.wordvec.system.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access control ({@code wordvec.security.*}).
 *
 * @param adminToken when set, requests that change state (corpora, jobs, model management) need
 *     {@code Authorization: Bearer <adminToken>}; queries stay open. Unset or blank: no check.
 */
@ConfigurationProperties("wordvec.security")
public record SecurityProperties(String adminToken) {

  /** Whether an admin token is set, so that state-changing requests need it. */
  public boolean enabled() {
    return adminToken != null && !adminToken.isBlank();
  }
}
