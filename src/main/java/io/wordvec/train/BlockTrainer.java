package io.wordvec.train;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains a block of encoded sentences held in memory into given matrices, with the local trainer's
 * {@link Worker} kernel on Hogwild threads: the seam for engines that keep the corpus elsewhere and
 * merge the models of several blocks themselves (the Spark engine trains one block per partition
 * and sync round). Nothing of the kernel is duplicated: a block is read as the local id file is.
 *
 * <p>A block is an {@code int[]} of vocabulary ids with {@link #SENTENCE_END} after each sentence.
 * The learning rate follows the whole run's progress: a block trained while {@code concurrent}
 * blocks train elsewhere assumes they advance at its pace, so after {@code w} of its words the run
 * is at {@code wordsBefore + concurrent * w}.
 *
 * <p>Stateless: {@link #train} may run concurrently on different matrices. Per-row update counts
 * are only kept for skip-gram and CBOW without subwords (the engines using this reject subwords).
 */
public final class BlockTrainer {

  /** Ends a sentence in a block. */
  public static final int SENTENCE_END = EncodedCorpus.SENTENCE_END;

  private BlockTrainer() {}

  /**
   * The first input matrix of a run from scratch, {@code rows * dim} floats, as a local training
   * with the same seed starts (output rows start at zero).
   */
  public static float[] initialInputVectors(int rows, int dim, long seed) {
    float[] inputVectors = new float[Math.multiplyExact(rows, dim)];
    LocalTrainingEngine.initInputRows(inputVectors, 0, rows, dim, seed);
    return inputVectors;
  }

  /**
   * What every block of a run reads and nobody writes: the config, the noise distribution and the
   * subsampling thresholds. Built once (by a driver) and shipped to where blocks train, hence
   * serializable.
   */
  public static final class Tables implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TrainingConfig config;
    private final NoiseSampler sampler;
    private final long[] keepThresholds;
    private final int words;

    private Tables(TrainingConfig config, NoiseSampler sampler, long[] keepThresholds) {
      this.config = config;
      this.sampler = sampler;
      this.keepThresholds = keepThresholds;
      this.words = keepThresholds.length;
    }

    /**
     * The tables of a run from scratch: noise and subsampling from the vocabulary's counts, as a
     * local training computes them.
     *
     * @param config a config without subwords or phrases, with the linear learning-rate schedule
     *     (the rate follows the whole run's word count)
     * @param counts the vocabulary's counts, index = word id
     * @throws IllegalArgumentException on a bad config, subwords, phrases, another schedule or no
     *     counted word
     */
    public static Tables of(TrainingConfig config, long[] counts) {
      config.validate();
      if (config.ngrams() != null || config.phraseOptions() != null) {
        throw new IllegalArgumentException("blocks train without subwords and phrases");
      }
      if (config.schedule() != LearningRateSchedule.LINEAR) {
        throw new IllegalArgumentException(
            "blocks train with the "
                + LearningRateSchedule.LINEAR.id()
                + " learning-rate schedule");
      }
      long retained = 0;
      for (long c : counts) {
        retained += c;
      }
      if (retained == 0) {
        throw new IllegalArgumentException("no counted word to train on");
      }
      return new Tables(
          config,
          new NoiseSampler(counts, config.noiseExponent()),
          Subsampling.keepThresholds(
              Subsampling.keepProbabilities(counts, retained, config.sample())));
    }

    public TrainingConfig config() {
      return config;
    }

    /** Rows of the matrices: the vocabulary size. */
    public int words() {
      return words;
    }
  }

  /**
   * What one block's training did.
   *
   * @param loss negative-sampling loss summed over the block
   * @param examples training examples the loss is summed over
   * @param words vocabulary words of the block (before subsampling)
   */
  public record Result(double loss, long examples, long words) {}

  /**
   * Trains {@code ids[0..length)} once into {@code inputVectors} and {@code outputVectors} on
   * {@code threads} worker threads (fewer when the block has fewer sentences).
   *
   * @param inputUpdates incremented per update of an input row; null to count nothing
   * @param outputUpdates the same for output rows
   * @param seed the block's random seed (same seed, one thread: same result)
   * @param wordsBefore words the whole run had processed when this block started
   * @param wordsTotal words the whole run processes over all epochs
   * @param concurrent blocks training at the same time as this one, itself included
   * @throws TrainingCancelledException if {@code cancellation} was cancelled meanwhile
   */
  public static Result train(
      Tables tables,
      int[] ids,
      int length,
      float[] inputVectors,
      float[] outputVectors,
      int[] inputUpdates,
      int[] outputUpdates,
      int threads,
      long seed,
      long wordsBefore,
      long wordsTotal,
      int concurrent,
      CancellationToken cancellation) {
    Objects.requireNonNull(tables, "tables");
    TrainingConfig config = tables.config;
    long cells = (long) tables.words * config.dimension();
    if (inputVectors.length != cells || outputVectors.length != cells) {
      throw new IllegalArgumentException("matrices must hold vocabulary size x dimension floats");
    }
    if (length < 0 || length > ids.length || threads < 1 || concurrent < 1) {
      throw new IllegalArgumentException("bad block length, thread or block count");
    }
    int share = concurrent;
    Schedule schedule =
        new Schedule(
            (wordsTotal + share - 1) / share,
            config.epochs(),
            config.alpha(),
            config.minAlpha(),
            LearningRateSchedule.LINEAR,
            cancellation == null ? new CancellationToken() : cancellation);
    schedule.restore(wordsBefore / share);
    SentenceIds block = new Block(ids, length);
    WorkerContext shared =
        new WorkerContext(
            config,
            block,
            inputVectors,
            outputVectors,
            tables.sampler,
            tables.keepThresholds,
            InputLock.NONE,
            schedule,
            null,
            null,
            inputUpdates,
            outputUpdates);
    int[] bounds = split(ids, length, threads);
    int workers = bounds.length - 1;
    SplittableRandom seeds = new SplittableRandom(seed);
    Worker[] team = new Worker[workers];
    // Each thread counts its updates into arrays of its own, summed below: the counts of the
    // frequent words share a few cache lines, which two threads incrementing them at every pair
    // passed back and forth (K=1 with two threads in its task ran at 1.21x one thread, against the
    // local trainer's 1.68x).
    WorkerContext[] contexts = new WorkerContext[workers];
    for (int t = 0; t < workers; t++) {
      contexts[t] =
          t == 0 ? shared : shared.countingInto(sameSize(inputUpdates), sameSize(outputUpdates));
      team[t] = new Worker(contexts[t], bounds[t], bounds[t + 1], seeds.nextLong());
    }
    run(team, schedule);
    for (int t = 1; t < workers; t++) {
      addInto(inputUpdates, contexts[t].inputUpdates());
      addInto(outputUpdates, contexts[t].outputUpdates());
    }
    if (schedule.stopped()) {
      throw new TrainingCancelledException();
    }
    double loss = 0;
    long examples = 0;
    for (Worker w : team) {
      loss += w.loss();
      examples += w.examples();
    }
    long words = 0;
    for (int i = 0; i < length; i++) {
      if (ids[i] != SENTENCE_END) {
        words++;
      }
    }
    return new Result(loss, examples, words);
  }

  /** A new array of {@code counts}' length, or null for null (nothing counted). */
  private static int[] sameSize(int[] counts) {
    return counts == null ? null : new int[counts.length];
  }

  private static void addInto(int[] total, int[] part) {
    if (total != null && part != null) {
      for (int i = 0; i < total.length; i++) {
        total[i] += part[i];
      }
    }
  }

  /** The first worker on the calling thread, the others on threads of their own. */
  private static void run(Worker[] team, Schedule schedule) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[team.length - 1];
    for (int t = 1; t < team.length; t++) {
      Worker worker = team[t];
      threads[t - 1] =
          new Thread(
              () -> {
                try {
                  worker.runEpoch();
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  schedule.fail();
                }
              },
              "wordvec-block-" + t);
      threads[t - 1].setDaemon(true);
      threads[t - 1].start();
    }
    try {
      team[0].runEpoch();
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
      schedule.fail();
    }
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          // Stop the others, but wait for them: they write into the caller's matrices.
          interrupted = true;
          schedule.fail();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new TrainingCancelledException();
    }
    Throwable error = failure.get();
    if (error instanceof RuntimeException re) {
      throw re;
    } else if (error instanceof Error err) {
      throw err;
    } else if (error instanceof IOException io) {
      throw new UncheckedIOException(io);
    } else if (error != null) {
      throw new IllegalStateException("block worker failed", error);
    }
  }

  /** At most {@code parts} sentence-aligned ranges covering {@code ids[0..length)}. */
  static int[] split(int[] ids, int length, int parts) {
    int[] bounds = new int[parts + 1];
    int n = 1;
    for (int p = 1; p < parts; p++) {
      int pos = Math.max(bounds[n - 1], (int) ((long) length * p / parts));
      while (pos < length && ids[pos] != SENTENCE_END) {
        pos++;
      }
      pos = Math.min(length, pos + 1);
      if (pos > bounds[n - 1] && pos < length) {
        bounds[n++] = pos;
      }
    }
    bounds[n] = length;
    return java.util.Arrays.copyOf(bounds, n + 1);
  }

  /** A block as the workers read it: ranges copied into their buffers. */
  private record Block(int[] ids, int length) implements SentenceIds {
    @Override
    public int read(ByteBuffer dst, long position, long end) {
      dst.clear();
      int from = (int) position;
      int n = (int) Math.max(0, Math.min(Math.min(end, length) - position, dst.capacity() / 4));
      dst.asIntBuffer().put(ids, from, n);
      dst.limit(n * 4);
      return n;
    }
  }
}
