package io.wordvec.train;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress shared by the workers of one run: words processed over all epochs, the learning rate
 * that follows from it (linear decay from {@code alpha} to {@code minAlpha} over the whole run, as
 * gensim), and the stop flag (cancellation or a failed worker).
 */
final class Schedule {

  private final AtomicLong wordsDone = new AtomicLong();
  private final long wordsExpected;
  private final double startAlpha;
  private final double minAlpha;
  private final CancellationToken cancellation;
  private volatile boolean failed;

  Schedule(long wordsExpected, double startAlpha, double minAlpha, CancellationToken cancellation) {
    this.wordsExpected = Math.max(1, wordsExpected);
    this.startAlpha = startAlpha;
    this.minAlpha = minAlpha;
    this.cancellation = cancellation;
  }

  /** Adds words a worker processed; returns the learning rate for its next words. */
  float advance(long words) {
    return alphaAt(wordsDone.addAndGet(words));
  }

  /** Continues a run that had processed {@code words} words when it stopped (a checkpoint). */
  void restore(long words) {
    wordsDone.set(words);
  }

  float alpha() {
    return alphaAt(wordsDone.get());
  }

  private float alphaAt(long done) {
    double progress = Math.min(1.0, (double) done / wordsExpected);
    return (float) Math.max(minAlpha, startAlpha - (startAlpha - minAlpha) * progress);
  }

  long wordsDone() {
    return wordsDone.get();
  }

  long wordsExpected() {
    return wordsExpected;
  }

  void fail() {
    failed = true;
  }

  boolean stopped() {
    return failed || cancellation.isCancelled();
  }
}
