package io.wordvec.models;

import io.wordvec.system.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The models are still loading at startup: 503, to be retried after a few seconds. */
public final class ModelsNotReadyException extends ApiException {

  /** Seconds a client is told to wait before retrying. */
  static final int RETRY_AFTER_SECONDS = 5;

  public ModelsNotReadyException() {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "not-ready",
        "Not ready",
        "The models are still loading; retry in a few seconds.");
    withHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
  }
}
