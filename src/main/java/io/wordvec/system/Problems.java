package io.wordvec.system;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with the service's stable type URIs: {@code /problems/<slug>}.
 * Every error response of the service is one of these.
 */
public final class Problems {

  /** The prefix of every problem type URI. */
  public static final String TYPE_PREFIX = "/problems/";

  private Problems() {}

  /** The type URI for a slug such as {@code word-not-found}. */
  public static URI type(String slug) {
    return URI.create(TYPE_PREFIX + slug);
  }

  /** A problem detail with a stable type, a title and a detail message. */
  public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setTitle(title);
    return problem;
  }
}
