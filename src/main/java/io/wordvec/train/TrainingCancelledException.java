package io.wordvec.train;

/** A training was cancelled through its {@link CancellationToken}; no model was produced. */
public final class TrainingCancelledException extends RuntimeException {

  public TrainingCancelledException() {
    super("training was cancelled");
  }
}
