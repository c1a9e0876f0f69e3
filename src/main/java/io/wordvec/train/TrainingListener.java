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

  /**
   * The run continues from a checkpoint: epochs 1 to {@code epochsDone} are not run again. Their
   * {@link #onEpochEnd} calls follow at once, with the losses the checkpoint kept.
   */
  default void onResumed(int epochsDone) {}

  /**
   * The state after {@code epoch} is safely on disk in the run's work directory (before {@link
   * #onEpochEnd} for the same epoch).
   */
  default void onCheckpoint(int epoch) {}

  /**
   * The state after {@code epoch} could not be written (a full disk, say). The training goes on; a
   * resumed run would continue from the previous checkpoint.
   */
  default void onCheckpointFailed(int epoch, java.io.IOException error) {}
}
