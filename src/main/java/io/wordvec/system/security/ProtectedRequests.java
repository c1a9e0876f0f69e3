package io.wordvec.system.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests that need the admin token when one is set: those that change state, i.e. uploading
 * or deleting corpora, submitting or cancelling jobs, and managing models (activating, deleting).
 * Reads, including the POST query endpoints under {@code /api/v1/models/{model}/...}, stay open.
 * The one definition that the filter enforces and the OpenAPI description documents.
 */
public final class ProtectedRequests {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final List<PathPattern> PROTECTED =
      List.of(
              "/api/v1/corpora",
              "/api/v1/corpora/**",
              "/api/v1/jobs",
              "/api/v1/jobs/**",
              "/api/v1/models",
              "/api/v1/models/{model}",
              "/api/v1/models/{model}/activate",
              "/api/v1/models/{model}/default",
              "/api/v1/models/{model}/reload")
          .stream()
          .map(PathPatternParser.defaultInstance::parse)
          .toList();

  private ProtectedRequests() {}

  /**
   * Whether a request needs the admin token.
   *
   * @param method the HTTP method, in any case
   * @param path the path within the application (no context path), or an OpenAPI path template such
   *     as {@code /api/v1/jobs/{id}}: a template's variables match as ordinary segments
   */
  public static boolean isProtected(String method, String path) {
    if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return false;
    }
    PathContainer container = PathContainer.parsePath(path);
    return PROTECTED.stream().anyMatch(p -> p.matches(container));
  }
}
