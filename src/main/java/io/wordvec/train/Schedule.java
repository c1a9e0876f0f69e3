package io.wordvec.train;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress shared by the workers of one run: words processed over all epochs, the learning rate
 * that follows from it ({@link LearningRateSchedule}), and the stop flag (cancellation or a failed
 * worker).
 *
 * <p>Each worker reads its learning rate through its own {@link Clock}: under {@link
 * LearningRateSchedule#LINEAR} every clock follows the run's shared word count, under {@link
 * LearningRateSchedule#PER_WORKER_SAWTOOTH} each follows its own worker's words in the current
 * epoch. The shared count drives progress reports either way. Thread-safe: clocks are confined to
 * their worker; {@link #startEpoch(int)} is called by the run's thread while no worker runs.
 */
final class Schedule {

  private final AtomicLong wordsDone = new AtomicLong();
  private final long wordsExpected;
  private final int epochs;
  private final double startAlpha;
  private final double minAlpha;
  private final LearningRateSchedule kind;
  private final CancellationToken cancellation;
  private volatile int epoch = 1;
  private volatile float lastAlpha;
  private volatile boolean failed;

  /**
   * @param wordsExpected words of every epoch together
   * @param epochs the run's epochs, each of {@code wordsExpected / epochs} words
   */
  Schedule(
      long wordsExpected,
      int epochs,
      double startAlpha,
      double minAlpha,
      LearningRateSchedule kind,
      CancellationToken cancellation) {
    this.wordsExpected = Math.max(1, wordsExpected);
    this.epochs = Math.max(1, epochs);
    this.startAlpha = startAlpha;
    this.minAlpha = minAlpha;
    this.kind = kind;
    this.cancellation = cancellation;
    this.lastAlpha = (float) startAlpha;
  }

  /** A new worker's view of the schedule. */
  Clock clock() {
    return new Clock();
  }

  /** The epoch (from 1) the next {@link Clock#startEpoch()} calls belong to. */
  void startEpoch(int epoch) {
    this.epoch = epoch;
  }

  /** Adds words a worker processed; returns the linear schedule's rate for its next words. */
  float advance(long words) {
    return linearAlphaAt(wordsDone.addAndGet(words));
  }

  /** Continues a run that had processed {@code words} words when it stopped (a checkpoint). */
  void restore(long words) {
    wordsDone.set(words);
  }

  /** The rate to report: the linear rate, or the one a saw-tooth clock computed last. */
  float alpha() {
    return kind == LearningRateSchedule.LINEAR ? linearAlphaAt(wordsDone.get()) : lastAlpha;
  }

  private float linearAlphaAt(long done) {
    return rateAt(Math.min(1.0, (double) done / wordsExpected));
  }

  /** The rate at {@code progress} (0 to 1) through the run, never below {@code minAlpha}. */
  private float rateAt(double progress) {
    return (float) Math.max(minAlpha, startAlpha - (startAlpha - minAlpha) * progress);
  }

  /**
   * The saw-tooth rate of a worker that has read {@code ownWords} words of {@code epoch}: its
   * progress through the epoch is its own words over the whole epoch's words, so it reaches only
   * 1/W of the epoch with W workers (gensim's {@code corpus_file} mode).
   */
  private float sawtoothAlpha(int epoch, long ownWords) {
    double epochWords = (double) wordsExpected / epochs;
    return rateAt((epoch - 1 + ownWords / epochWords) / epochs);
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

  /** One worker's learning rate. Not thread-safe: one per worker. */
  final class Clock {
    private long ownWords;
    private int epoch;

    /** Starts the epoch set by {@link Schedule#startEpoch(int)}; returns the rate to begin with. */
    float startEpoch() {
      if (kind == LearningRateSchedule.LINEAR) {
        return Schedule.this.alpha();
      }
      epoch = Schedule.this.epoch;
      ownWords = 0;
      return publish(sawtoothAlpha(epoch, 0));
    }

    /** Adds words this worker processed; returns the rate for its next words. */
    float advance(long words) {
      if (kind == LearningRateSchedule.LINEAR) {
        return Schedule.this.advance(words);
      }
      wordsDone.addAndGet(words);
      ownWords += words;
      return publish(sawtoothAlpha(epoch, ownWords));
    }

    private float publish(float alpha) {
      lastAlpha = alpha;
      return alpha;
    }
  }
}
