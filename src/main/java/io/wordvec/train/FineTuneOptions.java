package io.wordvec.train;

/**
 * Settings of a fine-tuning run on top of a base model. Architecture, dimension, window, negative
 * and sample come from the base model's {@link TrainingConfig}.
 *
 * @param epochs passes over the new corpus
 * @param alpha initial learning rate (lower than from scratch by default)
 * @param minAlpha final learning rate
 * @param minCount new words need this many occurrences in the new corpus to be added
 * @param lockFactor scale of updates to pre-existing vectors: 0 frozen, 1 free
 * @param threads worker threads
 * @param seed seed of every random choice
 */
public record FineTuneOptions(
    int epochs,
    double alpha,
    double minAlpha,
    int minCount,
    double lockFactor,
    int threads,
    long seed) {

  /** Defaults: 5 epochs, alpha 0.01 (skip-gram's 0.025 scaled down), lockFactor 1. */
  public static FineTuneOptions defaults() {
    return new FineTuneOptions(
        5, 0.01, 0.0001, 5, 1.0, Runtime.getRuntime().availableProcessors(), 1);
  }
}
