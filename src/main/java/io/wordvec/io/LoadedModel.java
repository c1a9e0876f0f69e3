package io.wordvec.io;

import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ModelFiles#load} read from a file.
 *
 * @param file the file
 * @param format its format
 * @param vectors the queryable vectors
 * @param trainedModel the full model (output weights, config, corpus statistics) when the format
 *     stores one, else null; see {@link #trained()}
 */
public record LoadedModel(
    Path file, VectorFormat format, WordVectors vectors, TrainedModel trainedModel) {

  public LoadedModel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(vectors, "vectors");
  }

  /** The full model, present only for the native format (which can be fine-tuned). */
  public Optional<TrainedModel> trained() {
    return Optional.ofNullable(trainedModel);
  }
}
