package io.wordvec.train;

/**
 * Receives progress from a running training. Called from worker threads: implementations must be
 * thread-safe and quick (hand the data off, don't block).
 */
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /** Periodic progress, at most a few times per second. */
  default void onProgress(TrainingProgress progress) {}

  /**
   * An epoch ended.
   *
   * @param epoch 1-based epoch number
   * @param loss negative-sampling loss summed over the epoch (double precision, all workers)
   * @param examples number of (centre, context) training examples the loss is summed over
   */
  default void onEpochEnd(int epoch, double loss, long examples) {}
}
