package io.wordvec.system;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * The one base type of every error the API reports to its caller on purpose: an RFC 9457 problem
 * detail with a stable type URI ({@code /problems/<slug>}), a title, a detail written for the
 * caller, and properties a client can act on. Features subclass it or build it through their own
 * factories; the single problem-detail advice renders it. Anything else that escapes a handler is
 * an unexpected error: a 500 whose message the caller never sees.
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

  /** Adds a response header, e.g. {@code Retry-After}. */
  public ApiException withHeader(String name, String value) {
    getHeaders().set(name, value);
    return this;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
