package io.wordvec.train;

/**
 * The caller's side of one run: progress events out, at a bounded rate, and cancellation in. Used
 * by the thread that drives the run, never by workers.
 */
final class RunMonitor {

  private final TrainingListener listener;
  private final CancellationToken cancellation;
  private final int epochs;
  private long lastNanos;
  private long lastWords;
  private double wordsPerSecond;

  RunMonitor(TrainingListener listener, CancellationToken cancellation, int epochs) {
    this.listener = listener;
    this.cancellation = cancellation;
    this.epochs = epochs;
  }

  CancellationToken cancellation() {
    return cancellation;
  }

  /**
   * @throws TrainingCancelledException if the caller cancelled the run
   */
  void checkCancelled() {
    if (cancellation.isCancelled()) {
      throw new TrainingCancelledException();
    }
  }

  void vocabulary(long tokens, long estimate) {
    listener.onProgress(
        new TrainingProgress(TrainingPhase.VOCABULARY, 0, epochs, tokens, estimate, 0, 0));
  }

  void trainingStarted(Schedule schedule) {
    lastNanos = System.nanoTime();
    lastWords = schedule.wordsDone();
  }

  void training(int epoch, Schedule schedule) {
    long now = System.nanoTime();
    long words = schedule.wordsDone();
    double seconds = (now - lastNanos) / 1e9;
    if (seconds >= 0.2) {
      double recent = (words - lastWords) / seconds;
      // Smooth over about a second so the figure (and the ETA) does not jump.
      wordsPerSecond = wordsPerSecond == 0 ? recent : 0.5 * wordsPerSecond + 0.5 * recent;
      lastNanos = now;
      lastWords = words;
    }
    listener.onProgress(
        new TrainingProgress(
            TrainingPhase.TRAINING,
            epoch,
            epochs,
            words,
            schedule.wordsExpected(),
            wordsPerSecond,
            schedule.alpha()));
  }

  void resumed(int epochsDone) {
    listener.onResumed(epochsDone);
  }

  void checkpointed(int epoch) {
    listener.onCheckpoint(epoch);
  }

  void checkpointFailed(int epoch, java.io.IOException e) {
    listener.onCheckpointFailed(epoch, e);
  }

  void epochEnd(int epoch, double loss, long examples) {
    listener.onEpochEnd(epoch, loss, examples);
  }
}
