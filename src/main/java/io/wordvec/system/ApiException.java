package io.wordvec.system;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the API reports to its caller as a problem detail, with a stable type URI and extra
 * properties. Throw a subclass (or this) anywhere in a request; the problem-detail advice renders
 * it.
 */
public class ApiException extends ErrorResponseException {

  public ApiException(HttpStatusCode status, String slug, String title, String detail) {
    super(status, Problems.of(status, slug, title, detail), null);
  }

  /** Adds a property to the problem detail, e.g. {@code word} or {@code limit}. */
  public ApiException with(String name, Object value) {
    getBody().setProperty(name, value);
    return this;
  }

  @Override
  public String getMessage() {
    ProblemDetail body = getBody();
    return body.getDetail();
  }
}
