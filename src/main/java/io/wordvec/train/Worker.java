package io.wordvec.train;

import io.wordvec.vectors.VectorMath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One training thread's share of the corpus: a sentence-aligned range of the encoded corpus, a
 * random generator and scratch buffers allocated once, reused for every word of every epoch.
 *
 * <p>Naming, once: {@code inputVectors} is word2vec.c's {@code syn0}, {@code outputVectors} its
 * {@code syn1neg}, {@code hidden} is {@code neu1} (CBOW's mean context vector) and {@code
 * inputGradient} is {@code neu1e} (the accumulated update of the input row).
 *
 * <p>A subword model (fastText's) trains the same way, except that a word's input vector is the
 * mean of its own row and its n-grams' rows ({@link SubwordTable}), and the input gradient goes, in
 * full, to each of those rows, as fastText does for skip-gram and CBOW (it divides it only for
 * supervised models). CBOW's hidden vector is then the mean of every row of every context word;
 * skip-gram's input is the centre word, as in fastText (see {@link #subwordSkipGram}).
 *
 * <p>Workers update the shared matrices without locks (Hogwild, as word2vec.c and gensim do): two
 * workers rarely touch the same row at once, and a lost update now and then does not hurt
 * convergence. This is intentional, not a race to fix.
 *
 * <p>Why this class is long: the per-pair kernels of both architectures, with and without subwords,
 * share the reading, subsampling and window loop here; the minibatched kernel lives in {@link
 * HogBatch}.
 */
final class Worker {

  /** Words between two reads of the shared progress (alpha and cancellation), as word2vec.c. */
  private static final int SYNC_WORDS = 10_000;

  private static final long LCG_MULTIPLIER = 25214903917L;

  private final Schedule schedule;
  private final Schedule.Clock clock;
  private final SentenceIds corpus;
  private final long start;
  private final long end;
  private final float[] inputVectors;
  private final float[] outputVectors;
  private final int dim;
  private final int window;
  private final int negative;
  private final boolean skipGram;
  private final NoiseSampler sampler;
  private final long[] keepThresholds;
  private final int lockedBelow;
  private final float lockFactor;

  /** Updates per input and output row, or null: see {@link WorkerContext#inputUpdates()}. */
  private final int[] inputUpdates;

  private final int[] outputUpdates;

  /** A subword model's n-gram rows, or null. */
  private final float[] ngramVectors;

  /** Offsets of each word's n-grams in {@link #ngramBuckets}; null without subwords. */
  private final int[] ngramStart;

  private final int[] ngramBuckets;

  /** The minibatched update ({@link Kernel#BATCHED}), or null for the per-pair one. */
  private final HogBatch batch;

  private final float[] hidden;
  private final float[] inputGradient;

  /** One context word's share of {@link #inputGradient} in subword skip-gram. */
  private final float[] contextGradient;

  private final int[] sentence;
  private final int[] chunk;
  private int[] negatives;
  private int[] nextNegatives;
  private float touchSink;
  private final ByteBuffer io;

  private long random;
  private float alpha;
  private double loss;
  private long examples;

  /**
   * @param shared what every worker of the run shares
   * @param start first int position of this worker's range of the id file (a sentence start)
   * @param end end of the range, exclusive
   * @param seed this worker's own random seed
   */
  Worker(WorkerContext shared, long start, long end, long seed) {
    TrainingConfig config = shared.config();
    this.schedule = shared.schedule();
    this.clock = schedule.clock();
    this.corpus = shared.corpus();
    this.start = start;
    this.end = end;
    this.inputVectors = shared.inputVectors();
    this.outputVectors = shared.outputVectors();
    this.dim = config.dimension();
    this.window = config.window();
    this.negative = config.negative();
    this.skipGram = config.architecture() == Architecture.SKIP_GRAM;
    this.sampler = shared.sampler();
    this.keepThresholds = shared.keepThresholds();
    this.lockedBelow = shared.lock().lockedBelow();
    this.lockFactor = shared.lock().factor();
    this.inputUpdates = shared.inputUpdates();
    this.outputUpdates = shared.outputUpdates();
    this.ngramVectors = shared.ngramVectors();
    this.ngramStart = shared.subwords() == null ? null : shared.subwords().start();
    this.ngramBuckets = shared.subwords() == null ? null : shared.subwords().buckets();
    this.batch = config.kernel() == Kernel.BATCHED ? new HogBatch(shared) : null;
    this.hidden = new float[dim];
    this.inputGradient = new float[dim];
    this.contextGradient = new float[dim];
    this.sentence = new int[config.maxSentenceLength()];
    this.io = ByteBuffer.allocateDirect(1 << 18).order(ByteOrder.nativeOrder());
    this.chunk = new int[io.capacity() / 4];
    this.random = seed;
    this.negatives = new int[negative];
    this.nextNegatives = new int[negative];
    drawNegatives();
  }

  double loss() {
    return batch == null ? loss : loss + batch.loss();
  }

  /** This worker's random state between two epochs, for a checkpoint. */
  TrainingCheckpoint.WorkerState state() {
    return new TrainingCheckpoint.WorkerState(random, negatives.clone(), nextNegatives.clone());
  }

  /** Continues from a checkpoint's state, as if this worker had run the epochs before it. */
  void restore(TrainingCheckpoint.WorkerState state) {
    if (state.negatives().length != negatives.length
        || state.nextNegatives().length != nextNegatives.length) {
      throw new IllegalArgumentException("checkpoint drew a different number of noise words");
    }
    random = state.random();
    System.arraycopy(state.negatives(), 0, negatives, 0, negatives.length);
    System.arraycopy(state.nextNegatives(), 0, nextNegatives, 0, nextNegatives.length);
  }

  long examples() {
    return examples;
  }

  /** Trains one pass over this worker's range; returns early when the run is stopped. */
  void runEpoch() throws IOException {
    loss = 0;
    examples = 0;
    if (batch != null) {
      batch.resetLoss();
    }
    alpha = clock.startEpoch();
    long pos = start;
    int length = 0;
    int unsynced = 0;
    while (pos < end) {
      int n = corpus.read(io, pos, end);
      if (n == 0) {
        break;
      }
      io.asIntBuffer().get(chunk, 0, n);
      pos += n;
      for (int i = 0; i < n; i++) {
        int id = chunk[i];
        if (id == EncodedCorpus.SENTENCE_END) {
          if (length > 1) {
            trainSentence(length);
          }
          length = 0;
          if (unsynced >= SYNC_WORDS) {
            alpha = clock.advance(unsynced);
            unsynced = 0;
            if (schedule.stopped()) {
              endEpoch();
              return;
            }
          }
          continue;
        }
        unsynced++;
        if (keep(id)) {
          sentence[length++] = id;
        }
      }
    }
    if (length > 1) {
      trainSentence(length);
    }
    endEpoch();
    clock.advance(unsynced);
  }

  /** Adds back what the batched CBOW kernel holds, so that an epoch's updates end with it. */
  private void endEpoch() {
    if (batch != null) {
      batch.releaseNoise();
    }
  }

  private long nextRandom() {
    random = random * LCG_MULTIPLIER + 11;
    return random;
  }

  private boolean keep(int id) {
    long threshold = keepThresholds[id];
    return threshold > 0xFFFFFFFFL || (nextRandom() >>> 32) < threshold;
  }

  private void trainSentence(int length) {
    if (batch != null) {
      trainSentenceBatched(length);
      return;
    }
    for (int pos = 0; pos < length; pos++) {
      // Random window shrinking: the effective window is window - b, b uniform in [0, window).
      int b = (int) (((nextRandom() >>> 32) * window) >>> 32);
      int from = Math.max(0, pos - window + b);
      int to = Math.min(length - 1, pos + window - b);
      if (skipGram && ngramStart != null) {
        subwordSkipGram(pos, from, to);
      } else if (skipGram) {
        int centre = sentence[pos];
        for (int c = from; c <= to; c++) {
          if (c != pos) {
            rotateNegatives();
            skipGramPair(sentence[c], centre);
          }
        }
      } else {
        rotateNegatives();
        cbow(pos, from, to);
      }
    }
  }

  /**
   * {@link #trainSentence} with the minibatched kernel: one draw of noise words per skip-gram
   * centre word, or per block of CBOW centre words (a block may span sentences: noise words belong
   * to no context). The windows are drawn as in the per-pair kernel.
   */
  private void trainSentenceBatched(int length) {
    for (int pos = 0; pos < length; pos++) {
      int b = (int) (((nextRandom() >>> 32) * window) >>> 32);
      int from = Math.max(0, pos - window + b);
      int to = Math.min(length - 1, pos + window - b);
      if (skipGram) {
        rotateNegatives();
        examples += batch.skipGram(sentence, pos, from, to, negatives, alpha);
      } else {
        if (batch.needsNoise()) {
          rotateNegatives();
          batch.holdNoise(negatives);
        }
        examples += batch.cbow(sentence, pos, from, to, alpha);
      }
    }
  }

  /** The input row of {@code context} predicts {@code centre} against noise words. */
  private void skipGramPair(int context, int centre) {
    final float[] in = inputVectors;
    final float[] gradient = inputGradient;
    final int inputRow = context * dim;
    Arrays.fill(gradient, 0f);
    predict(in, inputRow, centre, gradient);
    float scale = context < lockedBelow ? lockFactor : 1f;
    VectorMath.axpyUnchecked(scale, gradient, 0, in, inputRow, dim);
    if (inputUpdates != null) {
      inputUpdates[context]++;
    }
    examples++;
  }

  /**
   * Skip-gram for a subword model, oriented as fastText's: the input vector of the centre word (the
   * mean of its row and its n-gram rows) predicts each word of the window, one context word after
   * the other. fastText recomputes that mean and updates the centre's rows after every context
   * word; here the rows are read once per centre and written once at its end, which is most of the
   * work of a subword model saved. The result is the same: every row of the centre takes each
   * context word's gradient in full, so their mean moves by exactly that gradient, and adding it to
   * the local mean before the next context word keeps the prediction as current as fastText's (to
   * within an n-gram listed twice for one word, and other threads' updates meanwhile).
   */
  private void subwordSkipGram(int pos, int from, int to) {
    final float[] h = hidden;
    final int centre = sentence[pos];
    final int first = ngramStart[centre];
    final int last = ngramStart[centre + 1];
    System.arraycopy(inputVectors, centre * dim, h, 0, dim);
    for (int k = first; k < last; k++) {
      VectorMath.axpyUnchecked(1f, ngramVectors, ngramBuckets[k] * dim, h, 0, dim);
    }
    float inv = 1f / (1 + last - first);
    for (int i = 0; i < dim; i++) {
      h[i] *= inv;
    }
    Arrays.fill(inputGradient, 0f);
    final float[] step = contextGradient;
    final float scale = centre < lockedBelow ? lockFactor : 1f;
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        rotateNegatives();
        Arrays.fill(step, 0f);
        predict(h, 0, sentence[c], step);
        VectorMath.axpyUnchecked(scale, step, 0, h, 0, dim);
        VectorMath.axpyUnchecked(1f, step, 0, inputGradient, 0, dim);
        examples++;
      }
    }
    addSubwordGradient(centre);
  }

  /**
   * Adds {@link #inputGradient} to {@code word}'s row and to its n-gram rows (scaled by the lock
   * factor for a locked word, so that fine-tuning moves locked words' vectors as little through
   * their n-grams as through their own rows).
   */
  private void addSubwordGradient(int word) {
    float scale = word < lockedBelow ? lockFactor : 1f;
    VectorMath.axpyUnchecked(scale, inputGradient, 0, inputVectors, word * dim, dim);
    for (int k = ngramStart[word], last = ngramStart[word + 1]; k < last; k++) {
      VectorMath.axpyUnchecked(scale, inputGradient, 0, ngramVectors, ngramBuckets[k] * dim, dim);
    }
  }

  /**
   * CBOW for a subword model: the mean of every context word's row and n-gram rows predicts the
   * centre word; each of those rows gets the whole gradient.
   */
  private void subwordCbow(int pos, int from, int to) {
    final float[] h = hidden;
    Arrays.fill(h, 0f);
    int rows = 0;
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        int context = sentence[c];
        VectorMath.axpyUnchecked(1f, inputVectors, context * dim, h, 0, dim);
        for (int k = ngramStart[context], last = ngramStart[context + 1]; k < last; k++) {
          VectorMath.axpyUnchecked(1f, ngramVectors, ngramBuckets[k] * dim, h, 0, dim);
        }
        rows += 1 + ngramStart[context + 1] - ngramStart[context];
      }
    }
    if (rows == 0) {
      return;
    }
    float inv = 1f / rows;
    for (int i = 0; i < dim; i++) {
      h[i] *= inv;
    }
    Arrays.fill(inputGradient, 0f);
    predict(h, 0, sentence[pos], inputGradient);
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        addSubwordGradient(sentence[c]);
      }
    }
    examples++;
  }

  /** The mean of the context rows predicts the centre word against noise words. */
  private void cbow(int pos, int from, int to) {
    if (ngramStart != null) {
      subwordCbow(pos, from, to);
      return;
    }
    final float[] in = inputVectors;
    final float[] h = hidden;
    Arrays.fill(h, 0f);
    int contexts = 0;
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        VectorMath.axpyUnchecked(1f, in, sentence[c] * dim, h, 0, dim);
        contexts++;
      }
    }
    if (contexts == 0) {
      return;
    }
    float inv = 1f / contexts;
    for (int i = 0; i < dim; i++) {
      h[i] *= inv;
    }
    Arrays.fill(inputGradient, 0f);
    predict(h, 0, sentence[pos], inputGradient);
    // As word2vec.c and gensim (cbow_mean=1): every context row gets the full gradient.
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        int context = sentence[c];
        float scale = context < lockedBelow ? lockFactor : 1f;
        VectorMath.axpyUnchecked(scale, inputGradient, 0, in, context * dim, dim);
        if (inputUpdates != null) {
          inputUpdates[context]++;
        }
      }
    }
    examples++;
  }

  /** Makes the noise words drawn one example ago current and draws the next ones. */
  private void rotateNegatives() {
    int[] noise = nextNegatives;
    nextNegatives = negatives;
    negatives = noise;
    drawNegatives();
  }

  /**
   * Draws the noise words of the <em>next</em> example and touches their output rows now. The rows
   * are scattered over the whole matrix, so most of them are cache misses; word2vec.c waits for
   * each in turn inside the dot product. Java has no prefetch instruction, but independent loads
   * issued one example ahead let the CPU fetch all of them in parallel while it computes the
   * current example. The draws are the same as without this, one example earlier.
   */
  private void drawNegatives() {
    final float[] out = outputVectors;
    final int[] next = nextNegatives;
    final int d = dim;
    float sum = 0;
    for (int k = 0; k < next.length; k++) {
      long column = nextRandom() >>> 32;
      int word = sampler.sample(column, (int) (nextRandom() >>> 33));
      next[k] = word;
      int row = word * d;
      // One load per 64-byte cache line of the row.
      for (int i = 0; i < d; i += 16) {
        sum += out[row + i];
      }
      sum += out[row + d - 1];
    }
    touchSink += sum;
  }

  /**
   * One positive and {@code negative} noise updates of the output rows for the input vector {@code
   * x[xOff..xOff+dim)}; accumulates the input's gradient in {@code gradient}.
   */
  private void predict(float[] x, int xOff, int target, float[] gradient) {
    final float[] out = outputVectors;
    final float a = alpha;
    final int d = dim;
    double sampleLoss = 0;
    final int[] noise = negatives;
    for (int k = 0; k <= negative; k++) {
      int word;
      if (k == 0) {
        word = target;
      } else {
        word = noise[k - 1];
        if (word == target) {
          continue;
        }
      }
      int outputRow = word * d;
      float f = VectorMath.dotUnchecked(x, xOff, out, outputRow, d);
      float g;
      // Range test on the index, not on f: just below MAX_EXP, f + MAX_EXP rounds up to 2 MAX_EXP
      // in float and the index would be TABLE_SIZE.
      int idx = (int) ((f + Sigmoid.MAX_EXP) * Sigmoid.SCALE);
      if (idx < 0 || idx >= Sigmoid.TABLE_SIZE) {
        // Clipped gradient as word2vec.c: sigma is taken as exactly 0 or 1 out here.
        float label = k == 0 ? 1f : 0f;
        float sigma = f > 0 ? 1f : 0f;
        g = (label - sigma) * a;
        // Out here the loss is max(0, -z) up to e^-6 (0.25%); log1p would cost a sixth of the run.
        sampleLoss += Math.max(0f, k == 0 ? -f : f);
      } else if (k == 0) {
        g = (1f - Sigmoid.SIGMOID[idx]) * a;
        sampleLoss += Sigmoid.LOSS_POSITIVE[idx];
      } else {
        g = -Sigmoid.SIGMOID[idx] * a;
        sampleLoss += Sigmoid.LOSS_NEGATIVE[idx];
      }
      if (g != 0f) {
        VectorMath.axpyUnchecked(g, out, outputRow, gradient, 0, d);
        VectorMath.axpyUnchecked(g, x, xOff, out, outputRow, d);
        if (outputUpdates != null) {
          outputUpdates[word]++;
        }
      }
    }
    loss += sampleLoss;
  }
}
