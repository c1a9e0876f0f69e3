package io.wordvec.train;

/**
 * A cooperative stop flag shared between whoever started a training and its workers. Workers poll
 * it often enough to stop within a second of {@link #cancel()}.
 */
public final class CancellationToken {

  private volatile boolean cancelled;

  /** Asks the training to stop; it then ends with {@link TrainingCancelledException}. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }
}
