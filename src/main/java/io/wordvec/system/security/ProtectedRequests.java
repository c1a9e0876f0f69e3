package io.wordvec.system.security;

import io.wordvec.system.QueryRequests;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests that need a credential. The admin token, when one is set, guards those that change
 * state (uploading or deleting corpora, submitting or cancelling jobs, creating or deleting
 * alignments) and the jobs' progress streams, which hold a connection and server resources for as
 * long as a job runs. API keys, when set, guard the query API ({@link QueryRequests#isQueryApi}),
 * and the actuator endpoints other than health if configured so. The one definition that the filter
 * enforces and the OpenAPI description documents.
 */
public final class ProtectedRequests {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** Routes whose state-changing methods need the admin token; each one exists (tested). */
  static final List<PathPattern> PROTECTED =
      parse(
          "/api/v1/corpora",
          "/api/v1/corpora/{id}",
          "/api/v1/jobs",
          "/api/v1/jobs/{id}",
          "/api/v1/alignments",
          "/api/v1/alignments/{id}");

  /** Reads that need the admin token too: the progress streams. */
  static final List<PathPattern> PROTECTED_READS = parse("/api/v1/jobs/{id}/events");

  private static final PathPattern ACTUATOR =
      PathPatternParser.defaultInstance.parse("/actuator/**");
  private static final List<PathPattern> HEALTH =
      List.of(
          PathPatternParser.defaultInstance.parse("/actuator/health"),
          PathPatternParser.defaultInstance.parse("/actuator/health/**"));

  private ProtectedRequests() {}

  /**
   * Whether a request needs the admin token.
   *
   * @param method the HTTP method, in any case
   * @param path the path within the application (no context path), or an OpenAPI path template such
   *     as {@code /api/v1/jobs/{id}}: a template's variables match as ordinary segments
   */
  public static boolean isProtected(String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    String upper = method.toUpperCase(Locale.ROOT);
    if (SAFE_METHODS.contains(upper)) {
      return !"OPTIONS".equals(upper)
          && PROTECTED_READS.stream().anyMatch(p -> p.matches(container));
    }
    return PROTECTED.stream().anyMatch(p -> p.matches(container));
  }

  private static List<PathPattern> parse(String... patterns) {
    return java.util.Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
  }

  /**
   * Whether a request needs an API key (or the admin token) when API keys are set. CORS preflight
   * requests ({@code OPTIONS}) never do.
   *
   * @param path the path within the application, or an OpenAPI path template
   * @param openActuator whether the actuator endpoints stay open ({@code
   *     wordvec.security.open-actuator}); health stays open either way, for probes
   */
  public static boolean needsApiKey(String method, String path, boolean openActuator) {
    if ("OPTIONS".equalsIgnoreCase(method)) {
      return false;
    }
    if (QueryRequests.isQueryApi(path)) {
      return true;
    }
    PathContainer container = PathContainer.parsePath(path);
    return !openActuator
        && ACTUATOR.matches(container)
        && HEALTH.stream().noneMatch(p -> p.matches(container));
  }
}
