package io.wordvec.system;

import org.springframework.http.HttpStatus;

/** A batch or a request body exceeds its configured limit: 413. */
public class PayloadTooLargeException extends ApiException {

  /**
   * @param what the parameter, field or {@code body}
   * @param size the size of the request (items or bytes), or -1 if unknown
   * @param limit the configured limit
   * @param unit what is counted, e.g. {@code words} or {@code bytes}
   */
  public PayloadTooLargeException(String what, long size, long limit, String unit) {
    super(
        HttpStatus.CONTENT_TOO_LARGE,
        "payload-too-large",
        "Payload too large",
        "'"
            + what
            + "' may hold at most "
            + limit
            + " "
            + unit
            + (size >= 0 ? ", got " + size : ""));
    with("parameter", what);
    with("limit", limit);
  }
}
