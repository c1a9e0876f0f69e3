package io.wordvec.models;

import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A model as the service holds it: the queryable vectors, plus the full training state when the
 * model came from the native format or from a training job (provenance, fine-tuning).
 *
 * @param vectors the queryable vectors, built once
 * @param trained the full training state, or {@code null} for plain vector files
 * @param format where the vectors came from, e.g. {@code word2vec-text}, {@code native}
 * @param source the file name it was loaded from (never a full path), or a description
 * @param loadedAt when the service loaded or registered it
 */
public record LoadedModel(
    WordVectors vectors, TrainedModel trained, String format, String source, Instant loadedAt) {

  public LoadedModel {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(loadedAt, "loadedAt");
  }

  /** A model with its full training state; its word vectors are built here, once. */
  public static LoadedModel of(TrainedModel trained, String format, String source) {
    return new LoadedModel(trained.wordVectors(), trained, format, source, Instant.now());
  }

  /** Plain vectors from a file that carries nothing else. */
  public static LoadedModel of(WordVectors vectors, String format, String source) {
    return new LoadedModel(vectors, null, format, source, Instant.now());
  }

  /** The training state, when known. */
  public Optional<TrainedModel> training() {
    return Optional.ofNullable(trained);
  }

  public int dimension() {
    return vectors.dimension();
  }

  public int vocabularySize() {
    return vectors.size();
  }
}
