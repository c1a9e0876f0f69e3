package io.wordvec.train;

/**
 * A snapshot of a running training, as reported to a {@link TrainingListener}.
 *
 * @param phase current stage
 * @param epoch 1-based epoch being trained (0 during the vocabulary pass)
 * @param epochs total epochs
 * @param wordsProcessed corpus words processed so far, over all epochs
 * @param wordsExpected corpus words to process over all epochs
 * @param wordsPerSecond recent training throughput in corpus words per second
 * @param alpha current learning rate
 */
public record TrainingProgress(
    TrainingPhase phase,
    int epoch,
    int epochs,
    long wordsProcessed,
    long wordsExpected,
    double wordsPerSecond,
    double alpha) {

  /** Fraction done in [0, 1]. */
  public double fraction() {
    return wordsExpected <= 0 ? 0 : Math.min(1.0, (double) wordsProcessed / wordsExpected);
  }
}
