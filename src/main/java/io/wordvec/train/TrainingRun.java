package io.wordvec.train;

import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One training run once its corpus is encoded and its matrices hold their first values: the epochs,
 * run by {@link Worker}s on their own threads while the calling thread reports progress and watches
 * for cancellation, and the model they produce.
 *
 * <p>The run holds its whole state: config, corpus and vocabulary, matrices, noise sampler,
 * subsampling thresholds, schedule, monitor and input lock. It writes into the matrices it is given
 * and hands them to the model it returns. Single use: {@link #run()} once, from one thread.
 */
final class TrainingRun {

  private static final long PROGRESS_INTERVAL_MILLIS = 250;

  /** Mixed into the seed so that worker seeds differ from the initialisation's stream. */
  private static final long WORKER_SEED_MIX = 0x5DEECE66DL;

  private final TrainingConfig config;
  private final EncodedCorpus corpus;
  private final Vocabulary vocabulary;
  private final RunMonitor monitor;
  private final WorkerContext shared;
  private final Path workDirectory;
  private final long fingerprint;
  private final TrainingCheckpoint resumeFrom;

  /**
   * @param config a valid config
   * @param corpus the encoded corpus; its vocabulary defines the rows of the matrices
   * @param inputVectors initialised input rows, {@code vocabulary size * dimension}
   * @param outputVectors initial output rows, same shape
   * @param lock the input rows whose updates are scaled
   * @param ngramVectors initialised n-gram rows of a subword model ({@code config.ngrams()}), or
   *     null
   * @param monitor where progress goes and cancellation comes from
   * @param workDirectory where a checkpoint is written after every epoch; null for none
   * @param resumeFrom the checkpoint to continue from (its matrices are {@code inputVectors} and
   *     {@code outputVectors} already); null to start at the first epoch
   * @throws IllegalArgumentException if the corpus has no vocabulary word to train on
   */
  TrainingRun(
      TrainingConfig config,
      EncodedCorpus corpus,
      float[] inputVectors,
      float[] outputVectors,
      InputLock lock,
      float[] ngramVectors,
      RunMonitor monitor,
      Path workDirectory,
      TrainingCheckpoint resumeFrom) {
    long retained = corpus.stats().retainedTokens();
    if (retained == 0) {
      throw new IllegalArgumentException(
          "corpus " + corpus.stats().source() + " has no word of the vocabulary to train on");
    }
    this.config = config;
    this.corpus = corpus;
    this.vocabulary = corpus.vocabulary();
    this.monitor = monitor;
    // Noise follows every count the model has seen; subsampling only this corpus' own counts.
    NoiseSampler sampler = new NoiseSampler(vocabulary.counts(), config.noiseExponent());
    long[] keep =
        Subsampling.keepThresholds(
            Subsampling.keepProbabilities(corpus.counts(), retained, config.sample()));
    Schedule schedule =
        new Schedule(
            retained * config.epochs(),
            config.epochs(),
            config.alpha(),
            config.minAlpha(),
            config.schedule(),
            monitor.cancellation());
    SubwordTable subwords =
        ngramVectors == null ? null : SubwordTable.of(vocabulary, config.ngrams());
    this.shared =
        new WorkerContext(
            config,
            corpus,
            inputVectors,
            outputVectors,
            sampler,
            keep,
            lock,
            schedule,
            ngramVectors,
            subwords,
            null,
            null);
    this.workDirectory = workDirectory;
    this.fingerprint = TrainingCheckpoint.fingerprint(config, vocabulary, lock);
    this.resumeFrom = resumeFrom;
  }

  /** Workers of a run: the configured threads, but no more than the corpus has sentences. */
  static int workerCount(TrainingConfig config, EncodedCorpus corpus) {
    return (int) Math.max(1, Math.min(config.threads(), corpus.stats().sentences()));
  }

  /** Identifies this run's checkpoints: config, vocabulary and input lock. */
  static long fingerprint(TrainingConfig config, EncodedCorpus corpus, InputLock lock) {
    return TrainingCheckpoint.fingerprint(config, corpus.vocabulary(), lock);
  }

  /**
   * Runs every epoch and returns the model.
   *
   * @throws TrainingCancelledException if the run was cancelled
   * @throws IOException if the id file cannot be read
   */
  TrainedModel run() throws IOException {
    Schedule schedule = shared.schedule();
    int threads = workerCount(config, corpus);
    long[] bounds = corpus.split(threads);
    SplittableRandom seeds = new SplittableRandom(config.seed() ^ WORKER_SEED_MIX);
    Worker[] workers = new Worker[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Worker(shared, bounds[t], bounds[t + 1], seeds.nextLong());
    }
    int first = 1;
    double[] losses = new double[config.epochs()];
    long[] examplesByEpoch = new long[config.epochs()];
    if (resumeFrom != null) {
      for (int t = 0; t < threads; t++) {
        workers[t].restore(resumeFrom.workers()[t]);
      }
      schedule.restore(resumeFrom.wordsDone());
      int done = resumeFrom.epochsDone();
      System.arraycopy(resumeFrom.losses(), 0, losses, 0, done);
      System.arraycopy(resumeFrom.examples(), 0, examplesByEpoch, 0, done);
      first = done + 1;
      monitor.resumed(done);
      for (int e = 1; e <= done; e++) {
        monitor.epochEnd(e, losses[e - 1], examplesByEpoch[e - 1]);
      }
    }
    monitor.trainingStarted(schedule);
    for (int epoch = first; epoch <= config.epochs(); epoch++) {
      monitor.training(epoch, schedule);
      monitor.checkCancelled();
      schedule.startEpoch(epoch);
      runEpoch(workers, epoch);
      monitor.checkCancelled();
      // The periodic ticks stop when the workers do: report the epoch's exact final count, so the
      // last event of a run says wordsProcessed == wordsExpected.
      monitor.training(epoch, schedule);
      double loss = 0;
      long examples = 0;
      for (Worker w : workers) {
        loss += w.loss();
        examples += w.examples();
      }
      losses[epoch - 1] = loss;
      examplesByEpoch[epoch - 1] = examples;
      // Before the epoch is announced: whoever records "epoch done" can rely on its checkpoint.
      checkpoint(workers, epoch, losses, examplesByEpoch);
      monitor.epochEnd(epoch, loss, examples);
      monitor.checkCancelled();
    }
    return new TrainedModel(
        vocabulary,
        config.dimension(),
        shared.inputVectors(),
        shared.outputVectors(),
        config,
        corpus.stats(),
        Instant.now(),
        Map.of(),
        shared.ngramVectors());
  }

  /** Writes the state after {@code epoch} into the work directory, if the run has one. */
  private void checkpoint(Worker[] workers, int epoch, double[] losses, long[] examples) {
    if (workDirectory == null) {
      return;
    }
    TrainingCheckpoint.WorkerState[] states = new TrainingCheckpoint.WorkerState[workers.length];
    for (int t = 0; t < workers.length; t++) {
      states[t] = workers[t].state();
    }
    try {
      new TrainingCheckpoint(
              fingerprint,
              epoch,
              shared.schedule().wordsDone(),
              states,
              losses,
              examples,
              shared.inputVectors(),
              shared.outputVectors(),
              shared.ngramVectors())
          .write(workDirectory);
    } catch (IOException e) {
      // The training goes on: a missing checkpoint only costs epochs after a crash, and the
      // previous checkpoint, untouched, still describes a consistent earlier state.
      monitor.checkpointFailed(epoch, e);
      return;
    }
    monitor.checkpointed(epoch);
  }

  private void runEpoch(Worker[] workers, int epoch) throws IOException {
    Schedule schedule = shared.schedule();
    CountDownLatch done = new CountDownLatch(workers.length);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[workers.length];
    for (int t = 0; t < workers.length; t++) {
      Worker worker = workers[t];
      threads[t] =
          new Thread(
              () -> {
                try {
                  worker.runEpoch();
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  schedule.fail();
                } finally {
                  done.countDown();
                }
              },
              "wordvec-train-" + t);
      threads[t].setDaemon(true);
      threads[t].start();
    }
    try {
      while (!done.await(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
        monitor.training(epoch, schedule);
      }
    } catch (InterruptedException e) {
      schedule.fail();
      Thread.currentThread().interrupt();
      awaitQuietly(done);
      throw new TrainingCancelledException();
    } catch (RuntimeException | Error e) {
      // A listener threw: stop the workers before letting it propagate.
      schedule.fail();
      awaitQuietly(done);
      throw e;
    }
    ThreadFailure.rethrow(failure.get(), "training worker");
  }

  private static void awaitQuietly(CountDownLatch done) {
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
