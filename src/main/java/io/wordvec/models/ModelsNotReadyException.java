package io.wordvec.models;

/** The models are still loading at startup; the request can be retried shortly. */
public final class ModelsNotReadyException extends RuntimeException {

  public ModelsNotReadyException() {
    super("The models are still loading; retry in a few seconds.");
  }
}
