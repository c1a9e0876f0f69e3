package io.wordvec.models;

import java.util.List;

/** A request named a model that is not loaded (or asked for the default when there is none). */
public final class ModelNotFoundException extends RuntimeException {

  private final String model;
  private final List<String> available;

  public ModelNotFoundException(String model, List<String> available, String message) {
    super(message);
    this.model = model;
    this.available = List.copyOf(available);
  }

  /** The name the request used. */
  public String model() {
    return model;
  }

  /** The names of the loaded models, sorted. */
  public List<String> available() {
    return available;
  }
}
