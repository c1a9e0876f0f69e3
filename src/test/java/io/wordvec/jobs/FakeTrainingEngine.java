package io.wordvec.jobs;

import io.wordvec.train.CancellationToken;
import io.wordvec.train.FineTuneRequest;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingCancelledException;
import io.wordvec.train.TrainingEngine;
import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingPhase;
import io.wordvec.train.TrainingProgress;
import io.wordvec.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A trainer the test controls: it reports one progress event and one epoch, then (when holding)
 * waits until released or cancelled, then returns a random model of the corpus words.
 */
final class FakeTrainingEngine implements TrainingEngine {

  /** Released once per training that has reported progress and is now running. */
  final Semaphore running = new Semaphore(0);

  private volatile boolean hold;
  private volatile CountDownLatch release = new CountDownLatch(0);
  private volatile RuntimeException failure;
  private volatile double wordsPerSecond = 1000;

  /** From now on, trainings wait after their first progress until {@link #release()}. */
  void hold() {
    // trainings that ran before must not count as running ones
    running.drainPermits();
    release = new CountDownLatch(1);
    hold = true;
  }

  void release() {
    hold = false;
    release.countDown();
  }

  /** The throughput the progress event reports; 0 = unknown, so no ETA. */
  void wordsPerSecond(double value) {
    wordsPerSecond = value;
  }

  void failWith(RuntimeException e) {
    failure = e;
  }

  boolean awaitRunning() throws InterruptedException {
    return running.tryAcquire(10, TimeUnit.SECONDS);
  }

  @Override
  public TrainedModel train(TrainingRequest request) throws IOException {
    return run(
        request.corpus(),
        request.config().dimension(),
        request.config().epochs(),
        null,
        request.listener(),
        request.cancellation());
  }

  @Override
  public TrainedModel fineTune(FineTuneRequest request) throws IOException {
    TrainedModel base = request.base();
    return run(
        request.corpus(),
        base.dimension(),
        request.options().epochs(),
        base,
        request.listener(),
        request.cancellation());
  }

  private TrainedModel run(
      Path corpus,
      int dim,
      int epochs,
      TrainedModel base,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    List<String> words = new ArrayList<>();
    if (base != null) {
      words.addAll(base.vocabulary().words());
    }
    for (String w : TestModels.words(corpus)) {
      if (base == null || !base.vocabulary().contains(w)) {
        words.add(w);
      }
    }
    listener.onProgress(
        new TrainingProgress(
            TrainingPhase.TRAINING, 1, epochs, 10, 10L * epochs, wordsPerSecond, 0.02));
    listener.onEpochEnd(1, 12.5, 5);
    running.release();
    CountDownLatch latch = release;
    while (hold) {
      if (cancellation.isCancelled()) {
        throw new TrainingCancelledException();
      }
      try {
        if (latch.await(20, TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TrainingCancelledException();
      }
    }
    if (cancellation.isCancelled()) {
      throw new TrainingCancelledException();
    }
    if (failure != null) {
      throw failure;
    }
    return TestModels.random(words, dim, 7);
  }
}
