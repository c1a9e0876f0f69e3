package io.wordvec.system;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests are queries: the routes that read a model ({@code /api/v1/models/{model}/...}) and
 * the OpenAI-compatible embeddings. The one definition that the query concurrency cap, the API-key
 * check and the OpenAPI description share.
 */
public final class QueryRequests {

  /** Routes that compute an answer from a model's vectors: the ones the concurrency cap counts. */
  private static final List<PathPattern> QUERIES =
      parse("/api/v1/models/{model}/**", "/v1/embeddings", "/embeddings");

  /** The query API as a whole: the above plus listing and describing models. */
  private static final List<PathPattern> QUERY_API =
      parse("/api/v1/models", "/api/v1/models/**", "/v1", "/v1/**", "/embeddings");

  private QueryRequests() {}

  /**
   * Whether a request computes an answer from a model (the concurrency cap applies).
   *
   * @param path the path within the application, or an OpenAPI path template
   */
  public static boolean isQuery(String path) {
    return matches(QUERIES, path);
  }

  /**
   * Whether a path belongs to the query API: models, queries and the OpenAI-compatible routes.
   *
   * @param path the path within the application, or an OpenAPI path template
   */
  public static boolean isQueryApi(String path) {
    return matches(QUERY_API, path);
  }

  private static boolean matches(List<PathPattern> patterns, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (PathPattern pattern : patterns) {
      if (pattern.matches(container)) {
        return true;
      }
    }
    return false;
  }

  private static List<PathPattern> parse(String... patterns) {
    return java.util.Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
  }
}
