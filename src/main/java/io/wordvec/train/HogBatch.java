package io.wordvec.train;

import io.wordvec.vectors.VectorMath;
import java.util.Arrays;

/**
 * The minibatched negative-sampling update of {@link Kernel#BATCHED}, after HogBatch (Ji et al.,
 * "Parallelizing Word2Vec in Shared and Distributed Memory", 2016): a batch of input vectors shares
 * one set of noise words, so that one step is three small dense matrix products over rows gathered
 * into local blocks, instead of one dot product and two axpys per (input, output) pair.
 *
 * <ul>
 *   <li><b>Skip-gram</b>: the input rows of the context words of one centre word (word2vec.c's
 *       orientation: the context's {@code syn0} row predicts the centre) against the centre's
 *       output row and the shared noise rows.
 *   <li><b>CBOW</b>: the hidden vectors (mean context rows) of up to {@link #CBOW_BATCH}
 *       consecutive centre words of one sentence, each against its own centre's output row and the
 *       shared noise rows. Batching across centre words is this class's analogue of the paper's
 *       skip-gram batch, which has no CBOW form.
 * </ul>
 *
 * <p>One step: gather the input rows {@code X} (n rows) and output rows {@code O} (m rows) into
 * blocks padded with zeros to {@link VectorMath#paddedRowLength} floats; {@code S = X O^T}; turn
 * each score into its gradient {@code G} (as word2vec.c, times alpha); {@code dX = G O}, {@code dO
 * = G^T X}, both from the rows as they were gathered; then add {@code dX} and {@code dO} to the
 * shared rows. Departure from the paper's code, which copies the updated blocks back over the
 * shared rows: adding the deltas keeps the updates of other workers made meanwhile, and a word that
 * occurs twice in a batch gets both of its updates.
 *
 * <p>Owned by one {@link Worker}, whose thread alone calls it. The shared matrices are written
 * without locks, as {@link Worker} explains.
 */
final class HogBatch {

  /**
   * CBOW centre words per batch. Eight batches about as many input vectors per noise set as the
   * skip-gram batch of window 5 (one to ten context words) does, and keeps the shared noise words'
   * updates close to those of eight separate examples.
   */
  static final int CBOW_BATCH = 8;

  private final float[] inputVectors;
  private final float[] outputVectors;
  private final int dim;
  private final int stride;
  private final int negative;
  private final int lockedBelow;
  private final float lockFactor;

  /** Gathered input rows (skip-gram) or hidden vectors (CBOW), {@code stride} floats apart. */
  private final float[] inputs;

  /** Gathered output rows: the centre then the noise (skip-gram), or the noise only (CBOW). */
  private final float[] outputs;

  private final float[] inputDelta;
  private final float[] outputDelta;

  /** Scores {@code X O^T}, turned into gradients in place; row-major, one row per input. */
  private final float[] scores;

  private final int[] inputIds;

  /** CBOW: each pending centre word, its positive gradient, and where its context ids end. */
  private final int[] targets = new int[CBOW_BATCH];

  private final float[] targetGradients = new float[CBOW_BATCH];
  private final int[] contextEnd = new int[CBOW_BATCH];
  private final int[] contextIds;
  private int pending;

  /**
   * Updates per row, or null: see {@link WorkerContext#inputUpdates()}; one per scattered delta.
   */
  private final int[] inputUpdates;

  private final int[] outputUpdates;

  private double loss;

  HogBatch(WorkerContext shared) {
    TrainingConfig config = shared.config();
    this.inputVectors = shared.inputVectors();
    this.outputVectors = shared.outputVectors();
    this.dim = config.dimension();
    this.stride = VectorMath.paddedRowLength(dim);
    this.negative = config.negative();
    this.lockedBelow = shared.lock().lockedBelow();
    this.lockFactor = shared.lock().factor();
    this.inputUpdates = shared.inputUpdates();
    this.outputUpdates = shared.outputUpdates();
    int maxContexts = 2 * config.window();
    int maxInputs = Math.max(maxContexts, CBOW_BATCH);
    this.inputs = new float[maxInputs * stride];
    this.inputDelta = new float[maxInputs * stride];
    this.outputs = new float[(1 + negative) * stride];
    this.outputDelta = new float[(1 + negative) * stride];
    this.scores = new float[maxInputs * (1 + negative)];
    this.inputIds = new int[maxContexts];
    this.contextIds = new int[CBOW_BATCH * maxContexts];
  }

  /** The loss of the examples since the last {@link #resetLoss()}. */
  double loss() {
    return loss;
  }

  void resetLoss() {
    loss = 0;
  }

  /**
   * Skip-gram for the centre word at {@code pos}: every other word of {@code sentence[from..to]}
   * predicts it against the noise words {@code noise}.
   *
   * @return the (context, centre) examples trained
   */
  int skipGram(int[] sentence, int pos, int from, int to, int[] noise, float alpha) {
    final int centre = sentence[pos];
    int n = 0;
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        int id = sentence[c];
        inputIds[n] = id;
        System.arraycopy(inputVectors, id * dim, inputs, n * stride, dim);
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    final int m = 1 + negative;
    System.arraycopy(outputVectors, centre * dim, outputs, 0, dim);
    for (int k = 0; k < negative; k++) {
      System.arraycopy(outputVectors, noise[k] * dim, outputs, (1 + k) * stride, dim);
    }
    VectorMath.dotRowsUnchecked(inputs, n, outputs, m, stride, scores);
    for (int i = 0; i < n; i++) {
      int row = i * m;
      scores[row] = gradient(scores[row], true, alpha);
      for (int k = 0; k < negative; k++) {
        // A noise word that is the centre itself is no example, as in the per-pair kernel.
        scores[row + 1 + k] = noise[k] == centre ? 0f : gradient(scores[row + 1 + k], false, alpha);
      }
    }
    Arrays.fill(inputDelta, 0, n * stride, 0f);
    Arrays.fill(outputDelta, 0, m * stride, 0f);
    VectorMath.addProductsUnchecked(scores, m, 1, n, m, outputs, inputDelta, stride);
    VectorMath.addProductsUnchecked(scores, 1, m, m, n, inputs, outputDelta, stride);
    for (int i = 0; i < n; i++) {
      addToInputRow(inputIds[i], i);
    }
    VectorMath.axpyUnchecked(1f, outputDelta, 0, outputVectors, centre * dim, dim);
    for (int k = 0; k < negative; k++) {
      VectorMath.axpyUnchecked(
          1f, outputDelta, (1 + k) * stride, outputVectors, noise[k] * dim, dim);
    }
    return n;
  }

  /**
   * Adds the CBOW example of the centre word at {@code pos} (its context {@code sentence[from..to]}
   * without it) to the batch, computing its hidden vector from the input rows as they are now.
   *
   * @return whether the batch is full: then call {@link #flushCbow}
   */
  boolean addCbow(int[] sentence, int pos, int from, int to) {
    final int row = pending * stride;
    final int first = pending == 0 ? 0 : contextEnd[pending - 1];
    Arrays.fill(inputs, row, row + dim, 0f);
    int end = first;
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        int id = sentence[c];
        contextIds[end++] = id;
        VectorMath.axpyUnchecked(1f, inputVectors, id * dim, inputs, row, dim);
      }
    }
    if (end == first) {
      return false;
    }
    float inv = 1f / (end - first);
    for (int i = row; i < row + dim; i++) {
      inputs[i] *= inv;
    }
    targets[pending] = sentence[pos];
    contextEnd[pending] = end;
    pending++;
    return pending == CBOW_BATCH;
  }

  /** CBOW centre words added since the last flush. */
  int pending() {
    return pending;
  }

  /**
   * Trains the pending CBOW examples against the shared noise words {@code noise} and empties the
   * batch. Call it at the end of every sentence too: a batch never spans two sentences.
   *
   * @return the examples trained
   */
  int flushCbow(int[] noise, float alpha) {
    final int t = pending;
    if (t == 0) {
      return 0;
    }
    pending = 0;
    final int m = negative;
    for (int k = 0; k < m; k++) {
      System.arraycopy(outputVectors, noise[k] * dim, outputs, k * stride, dim);
    }
    VectorMath.dotRowsUnchecked(inputs, t, outputs, m, stride, scores);
    for (int i = 0; i < t; i++) {
      int target = targets[i];
      float f = VectorMath.dotUnchecked(inputs, i * stride, outputVectors, target * dim, dim);
      targetGradients[i] = gradient(f, true, alpha);
      for (int k = 0; k < m; k++) {
        int at = i * m + k;
        scores[at] = noise[k] == target ? 0f : gradient(scores[at], false, alpha);
      }
    }
    Arrays.fill(inputDelta, 0, t * stride, 0f);
    Arrays.fill(outputDelta, 0, m * stride, 0f);
    VectorMath.addProductsUnchecked(scores, m, 1, t, m, outputs, inputDelta, stride);
    // Every centre's own output row, read before any of them is updated.
    for (int i = 0; i < t; i++) {
      VectorMath.axpyUnchecked(
          targetGradients[i], outputVectors, targets[i] * dim, inputDelta, i * stride, dim);
    }
    VectorMath.addProductsUnchecked(scores, 1, m, m, t, inputs, outputDelta, stride);
    for (int i = 0; i < t; i++) {
      VectorMath.axpyUnchecked(
          targetGradients[i], inputs, i * stride, outputVectors, targets[i] * dim, dim);
      if (outputUpdates != null) {
        outputUpdates[targets[i]]++;
      }
    }
    for (int k = 0; k < m; k++) {
      addToOutputRow(noise[k], k);
    }
    // As word2vec.c and gensim (cbow_mean=1): every context row gets its centre's full gradient.
    for (int i = 0, c = 0; i < t; i++) {
      for (; c < contextEnd[i]; c++) {
        addToInputRow(contextIds[c], i);
      }
    }
    return t;
  }

  /** Adds row {@code deltaRow} of {@link #inputDelta} to {@code word}'s input row. */
  private void addToInputRow(int word, int deltaRow) {
    float scale = word < lockedBelow ? lockFactor : 1f;
    VectorMath.axpyUnchecked(scale, inputDelta, deltaRow * stride, inputVectors, word * dim, dim);
    if (inputUpdates != null) {
      inputUpdates[word]++;
    }
  }

  /** Adds row {@code deltaRow} of {@link #outputDelta} to {@code word}'s output row. */
  private void addToOutputRow(int word, int deltaRow) {
    VectorMath.axpyUnchecked(1f, outputDelta, deltaRow * stride, outputVectors, word * dim, dim);
    if (outputUpdates != null) {
      outputUpdates[word]++;
    }
  }

  /**
   * The gradient of one score {@code f} times {@code alpha}, and its loss added to {@link #loss}:
   * the table and the clipping of the per-pair kernel ({@link Worker}).
   */
  private float gradient(float f, boolean positive, float alpha) {
    int idx = (int) ((f + Sigmoid.MAX_EXP) * Sigmoid.SCALE);
    if (idx < 0 || idx >= Sigmoid.TABLE_SIZE) {
      loss += Math.max(0f, positive ? -f : f);
      float sigma = f > 0 ? 1f : 0f;
      return ((positive ? 1f : 0f) - sigma) * alpha;
    }
    if (positive) {
      loss += Sigmoid.LOSS_POSITIVE[idx];
      return (1f - Sigmoid.SIGMOID[idx]) * alpha;
    }
    loss += Sigmoid.LOSS_NEGATIVE[idx];
    return -Sigmoid.SIGMOID[idx] * alpha;
  }
}
