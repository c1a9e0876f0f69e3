package io.wordvec.models;

import io.wordvec.system.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request named a model that is not loaded (or asked for the default when there is none): 404
 * with the name asked for and the names available.
 */
public final class ModelNotFoundException extends ApiException {

  private final String model;
  private final List<String> available;

  public ModelNotFoundException(String model, List<String> available, String message) {
    super(HttpStatus.NOT_FOUND, "model-not-found", "Model not found", message);
    this.model = model;
    this.available = List.copyOf(available);
    with("model", model);
    with("available", this.available);
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
