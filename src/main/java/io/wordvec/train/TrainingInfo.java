package io.wordvec.train;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How a model was trained, without its matrices: what a served model reports about itself and what
 * a fine-tuning job compares against the model's file before it reads the output weights from it.
 *
 * <p>Immutable and thread-safe; {@code evaluation} is copied.
 *
 * @param config the settings that produced the model
 * @param corpus statistics of the (last) training corpus, or null when the file did not record them
 * @param createdAt when training finished
 * @param evaluation evaluation scores by name (e.g. {@code "analogy"}, {@code "wordsim353"})
 */
public record TrainingInfo(
    TrainingConfig config, CorpusStats corpus, Instant createdAt, Map<String, Double> evaluation) {

  public TrainingInfo {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(createdAt, "createdAt");
    evaluation = Map.copyOf(evaluation);
  }
}
