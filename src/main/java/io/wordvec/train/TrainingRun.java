package io.wordvec.train;

import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives one training: the vocabulary pass, the matrices, and the epochs run by {@link Worker}s on
 * their own threads while the calling thread reports progress and watches for cancellation.
 */
final class TrainingRun {

  private static final long PROGRESS_INTERVAL_MILLIS = 250;

  private TrainingRun() {}

  static TrainedModel train(
      Path corpus,
      TrainingConfig config,
      Tokenizer tokenizer,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    config.validate();
    Progress progress = new Progress(listener, config.epochs());
    progress.vocabulary(0, 0);
    try (EncodedCorpus encoded =
        EncodedCorpus.encode(
            new CorpusReader(corpus, tokenizer, config.maxSentenceLength()),
            (counts, source) -> fromScratch(counts, config.minCount(), config.maxVocab(), source),
            (tokens, estimate) -> {
              checkCancelled(cancellation);
              progress.vocabulary(tokens, estimate);
            })) {
      checkCancelled(cancellation);
      Vocabulary vocabulary = encoded.vocabulary();
      int dim = config.dimension();
      int cells = matrixSize(vocabulary.size(), dim);
      float[] inputVectors = new float[cells];
      float[] outputVectors = new float[cells];
      initInputRows(inputVectors, 0, vocabulary.size(), dim, config.seed());
      runEpochs(
          encoded,
          config,
          inputVectors,
          outputVectors,
          vocabulary.counts(),
          encoded.counts(),
          0,
          1f,
          progress,
          cancellation);
      return new TrainedModel(
          vocabulary,
          dim,
          inputVectors,
          outputVectors,
          config,
          encoded.stats(),
          Instant.now(),
          Map.of());
    }
  }

  static TrainedModel fineTune(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      Tokenizer tokenizer,
      TrainingListener listener,
      CancellationToken cancellation)
      throws IOException {
    options.validate();
    TrainingConfig config = options.applyTo(base.config());
    if (config.dimension() != base.dimension()) {
      throw new IllegalArgumentException(
          "base model config says dimension "
              + config.dimension()
              + " but its vectors have "
              + base.dimension());
    }
    Vocabulary baseVocabulary = base.vocabulary();
    int baseSize = baseVocabulary.size();
    Progress progress = new Progress(listener, config.epochs());
    progress.vocabulary(0, 0);
    try (EncodedCorpus encoded =
        EncodedCorpus.encode(
            new CorpusReader(corpus, tokenizer, config.maxSentenceLength()),
            (counts, source) -> merge(baseVocabulary, counts, config.minCount()),
            (tokens, estimate) -> {
              checkCancelled(cancellation);
              progress.vocabulary(tokens, estimate);
            })) {
      checkCancelled(cancellation);
      Vocabulary vocabulary = encoded.vocabulary();
      int dim = config.dimension();
      int cells = matrixSize(vocabulary.size(), dim);
      // Copies: the base model's arrays are never written.
      float[] inputVectors = java.util.Arrays.copyOf(base.inputVectors(), cells);
      float[] outputVectors = java.util.Arrays.copyOf(base.outputVectors(), cells);
      initInputRows(inputVectors, baseSize, vocabulary.size(), dim, config.seed());
      runEpochs(
          encoded,
          config,
          inputVectors,
          outputVectors,
          vocabulary.counts(),
          encoded.counts(),
          baseSize,
          (float) options.lockFactor(),
          progress,
          cancellation);
      return new TrainedModel(
          vocabulary,
          dim,
          inputVectors,
          outputVectors,
          config,
          encoded.stats(),
          Instant.now(),
          Map.of());
    }
  }

  /** Plain training: the vocabulary of the corpus alone. */
  private static Vocabulary fromScratch(
      VocabularyBuilder counts, int minCount, int maxVocab, String source) {
    Vocabulary vocabulary = counts.build(minCount, maxVocab);
    if (vocabulary.size() == 0) {
      throw new IllegalArgumentException(
          "no word of corpus "
              + source
              + " reaches minCount="
              + minCount
              + " ("
              + counts.size()
              + " distinct words, "
              + counts.tokens()
              + " tokens); lower minCount or use a larger corpus");
    }
    return vocabulary;
  }

  /**
   * The base vocabulary with its ids and counts plus this corpus' counts, followed by the new words
   * that reach {@code minCount} in this corpus, most frequent first.
   */
  static Vocabulary merge(Vocabulary base, VocabularyBuilder counts, int minCount) {
    Vocabulary fresh = counts.build(minCount, 0);
    int added = 0;
    for (int i = 0; i < fresh.size(); i++) {
      if (!base.contains(fresh.word(i))) {
        added++;
      }
    }
    String[] words = new String[base.size() + added];
    long[] merged = new long[words.length];
    for (int i = 0; i < base.size(); i++) {
      words[i] = base.word(i);
      merged[i] = base.count(i) + counts.count(words[i]);
    }
    int next = base.size();
    for (int i = 0; i < fresh.size(); i++) {
      if (!base.contains(fresh.word(i))) {
        words[next] = fresh.word(i);
        merged[next] = fresh.count(i);
        next++;
      }
    }
    return new Vocabulary(words, merged);
  }

  /** Rows x dim as an array length, or a clear error when Java arrays cannot hold it. */
  static int matrixSize(int rows, int dim) {
    long cells = (long) rows * dim;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "vocabulary of "
              + rows
              + " words x dimension "
              + dim
              + " exceeds the largest matrix ("
              + (Integer.MAX_VALUE - 8)
              + " floats); lower dimension or maxVocab, or raise minCount");
    }
    return (int) cells;
  }

  /** word2vec's initialisation: input rows uniform in [-0.5/dim, 0.5/dim) (output rows stay 0). */
  static void initInputRows(float[] inputVectors, int fromRow, int toRow, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = fromRow * dim, end = toRow * dim; i < end; i++) {
      inputVectors[i] = (float) ((random.nextDouble() - 0.5) / dim);
    }
  }

  static void checkCancelled(CancellationToken cancellation) {
    if (cancellation.isCancelled()) {
      throw new TrainingCancelledException();
    }
  }

  /**
   * Runs every epoch over {@code encoded}.
   *
   * @param noiseCounts counts that define the noise distribution
   * @param sampleCounts counts that define the subsampling probabilities (the corpus' own)
   * @param lockedBelow rows below this id get their input updates scaled by {@code lockFactor}
   */
  static void runEpochs(
      EncodedCorpus encoded,
      TrainingConfig config,
      float[] inputVectors,
      float[] outputVectors,
      long[] noiseCounts,
      long[] sampleCounts,
      int lockedBelow,
      float lockFactor,
      Progress progress,
      CancellationToken cancellation)
      throws IOException {
    long retained = encoded.stats().retainedTokens();
    if (retained == 0) {
      throw new IllegalArgumentException(
          "corpus " + encoded.stats().source() + " has no word of the vocabulary to train on");
    }
    NoiseSampler sampler = new NoiseSampler(noiseCounts, config.noiseExponent());
    long[] keep =
        Subsampling.keepThresholds(
            Subsampling.keepProbabilities(sampleCounts, retained, config.sample()));
    Schedule schedule =
        new Schedule(retained * config.epochs(), config.alpha(), config.minAlpha(), cancellation);
    int threads = (int) Math.max(1, Math.min(config.threads(), encoded.stats().sentences()));
    long[] bounds = encoded.split(threads);
    SplittableRandom seeds = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    Worker[] workers = new Worker[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Worker(
              schedule,
              encoded,
              bounds[t],
              bounds[t + 1],
              inputVectors,
              outputVectors,
              config.dimension(),
              config,
              sampler,
              keep,
              lockedBelow,
              lockFactor,
              seeds.nextLong());
    }
    progress.trainingStarted(schedule);
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      progress.training(epoch, schedule);
      checkCancelled(cancellation);
      runEpoch(workers, epoch, schedule, progress);
      checkCancelled(cancellation);
      // The periodic ticks stop when the workers do: report the epoch's exact final count, so the
      // last event of a run says wordsProcessed == wordsExpected.
      progress.training(epoch, schedule);
      double loss = 0;
      long examples = 0;
      for (Worker w : workers) {
        loss += w.loss();
        examples += w.examples();
      }
      progress.epochEnd(epoch, loss, examples);
      checkCancelled(cancellation);
    }
  }

  private static void runEpoch(Worker[] workers, int epoch, Schedule schedule, Progress progress)
      throws IOException {
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
        progress.training(epoch, schedule);
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
    Throwable error = failure.get();
    if (error instanceof IOException io) {
      throw io;
    } else if (error instanceof UncheckedIOException io) {
      throw io.getCause();
    } else if (error instanceof RuntimeException re) {
      throw re;
    } else if (error instanceof Error err) {
      throw err;
    } else if (error != null) {
      throw new IllegalStateException("training worker failed", error);
    }
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

  /** Turns counters into {@link TrainingProgress} events at a bounded rate. */
  static final class Progress {
    private final TrainingListener listener;
    private final int epochs;
    private long lastNanos;
    private long lastWords;
    private double wordsPerSecond;

    Progress(TrainingListener listener, int epochs) {
      this.listener = listener;
      this.epochs = epochs;
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

    void epochEnd(int epoch, double loss, long examples) {
      listener.onEpochEnd(epoch, loss, examples);
    }
  }
}
