package io.wordvec.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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

  /**
   * Answers a request from a servlet filter, outside Spring MVC, with {@code problem}: its headers
   * are set, and the error dispatch renders its body through the error controller, so that it
   * reaches the client exactly as a handler's problem would (in the shape of the request's API).
   */
  public static void sendError(
      HttpServletRequest request, HttpServletResponse response, ApiException problem)
      throws IOException {
    problem
        .getHeaders()
        .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    ProblemDetail body = problem.getBody();
    if (body.getInstance() == null) {
      try {
        body.setInstance(new URI(null, null, request.getRequestURI(), null));
      } catch (URISyntaxException e) {
        // not a usable path: leave the instance out
      }
    }
    request.setAttribute(ProblemErrorController.PROBLEM_ATTRIBUTE, body);
    response.sendError(problem.getStatusCode().value());
  }
}
