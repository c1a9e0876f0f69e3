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
 *   <li><b>CBOW</b> (the paper has no CBOW form): {@link #CBOW_BATCH} centre words share one draw
 *       of noise words, but train one after another, each as the per-pair kernel trains it (the
 *       mean of its context rows as they are now, the gradient added to every context row), against
 *       the noise rows held in a local block and updated there. The block's changes go back to the
 *       shared rows as deltas once its centre words are done. Centre words take {@code 2 window +
 *       1} blocks in turn, so that the centre words that share a block are that far apart and their
 *       windows never overlap: a context word meets independent noise draws in each window it is
 *       in, as with the per-pair kernel.
 * </ul>
 *
 * <p>Why CBOW is not one matrix product like skip-gram (BENCHMARKS.md, "Batched kernel"): eight
 * consecutive centre words scored from the same rows and updated at once lost 8 analogy points on
 * gutenberg-17m. Training them one after another won back 3.5 of them; giving centre words whose
 * windows overlap different noise words won back the rest. The speed comes from the noise words:
 * one draw (and one set of scattered rows to fetch) per eight centre words instead of one each, and
 * padded rows scored in one pass.
 *
 * <p>A skip-gram step: gather the input rows {@code X} (n rows) and output rows {@code O} (m rows)
 * into blocks padded with zeros to {@link VectorMath#paddedRowLength} floats; {@code S = X O^T};
 * turn each score into its gradient {@code G} (as word2vec.c, times alpha); {@code dX = G O},
 * {@code dO = G^T X}, both from the rows as they were gathered; then add {@code dX} and {@code dO}
 * to the shared rows. Departure from the paper's code, which copies the updated blocks back over
 * the shared rows: adding the deltas keeps the updates of other workers made meanwhile, and a word
 * that occurs twice in a batch gets both of its updates.
 *
 * <p>Owned by one {@link Worker}, whose thread alone calls it. The shared matrices are written
 * without locks, as {@link Worker} explains.
 */
final class HogBatch {

  /** CBOW centre words that share one draw of noise words ({@link Kernel#CBOW_BATCH}). */
  static final int CBOW_BATCH = Kernel.CBOW_BATCH;

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

  /**
   * Rows of {@link #outputs} that sequential CBOW scores: its 1 + negative rows rounded up to a
   * multiple of four, the SIMD {@code dotRows}'s group of rows, with zero rows (scored 0, unused)
   * after them, so that no row is left to the single-row dot product after the groups.
   */
  private final int scoredRows;

  private final float[] inputDelta;
  private final float[] outputDelta;

  /** Scores {@code X O^T}, turned into gradients in place; row-major, one row per input. */
  private final float[] scores;

  private final int[] inputIds;

  /**
   * Updates per row, or null: see {@link WorkerContext#inputUpdates()}; one per scattered delta.
   */
  private final int[] inputUpdates;

  private final int[] outputUpdates;

  private double loss;

  /** Sequential CBOW: the hidden vector and its gradient, padded to {@code stride} with zeros. */
  private final float[] hidden;

  private final float[] hiddenGradient;

  /**
   * Sequential CBOW: noise blocks used in turn, one per centre word, so that centre words whose
   * windows overlap never share noise words. Each block: its noise rows, a slot for the centre's
   * own output row, zero rows up to {@link #scoredRows}.
   */
  private final float[][] noiseBlocks;

  /** Each block's noise rows as gathered, to turn the block into deltas. */
  private final float[][] noiseBefore;

  private final int[][] noiseIds;

  /** Whether each block holds noise words, and for how many more centre words. */
  private final boolean[] held;

  private final int[] noiseLeft;

  /** The block of the next centre word. */
  private int block;

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
    this.inputs = new float[maxContexts * stride];
    this.inputDelta = new float[maxContexts * stride];
    this.scoredRows = (negative + 1 + 3) & ~3;
    this.outputs = new float[scoredRows * stride];
    this.outputDelta = new float[(1 + negative) * stride];
    this.scores = new float[Math.max(maxContexts * (1 + negative), scoredRows)];
    this.inputIds = new int[maxContexts];
    this.hidden = new float[stride];
    this.hiddenGradient = new float[stride];
    // A context word is in the windows of the centre words at most `window` away on either side.
    int blocks = 2 * config.window() + 1;
    this.noiseBlocks = new float[blocks][scoredRows * stride];
    this.noiseBefore = new float[blocks][negative * stride];
    this.noiseIds = new int[blocks][negative];
    this.held = new boolean[blocks];
    this.noiseLeft = new int[blocks];
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

  /** Whether the next sequential CBOW example needs a new draw of noise words. */
  boolean needsNoise() {
    return !held[block];
  }

  /**
   * Gathers the noise words {@code noise} into the block of the next centre word, for it and the
   * next {@link #CBOW_BATCH} - 1 centre words that use this block.
   */
  void holdNoise(int[] noise) {
    release(block);
    final float[] rows = noiseBlocks[block];
    for (int k = 0; k < negative; k++) {
      noiseIds[block][k] = noise[k];
      System.arraycopy(outputVectors, noise[k] * dim, rows, k * stride, dim);
    }
    System.arraycopy(rows, 0, noiseBefore[block], 0, negative * stride);
    held[block] = true;
    noiseLeft[block] = CBOW_BATCH;
  }

  /**
   * Adds what the centre words did to every held block's noise rows back to the shared rows, and
   * lets the blocks go: at the end of an epoch, so that its updates end with it.
   */
  void releaseNoise() {
    for (int b = 0; b < noiseLeft.length; b++) {
      release(b);
    }
    block = 0;
  }

  /** Adds block {@code b}'s changes to its noise rows to the shared rows, as deltas. */
  private void release(int b) {
    if (!held[b]) {
      return;
    }
    held[b] = false;
    final float[] rows = noiseBlocks[b];
    final float[] before = noiseBefore[b];
    for (int k = 0; k < negative; k++) {
      int row = k * stride;
      // The delta, then the shared row plus it: other workers' updates made meanwhile are kept.
      VectorMath.axpyUnchecked(-1f, before, row, rows, row, dim);
      VectorMath.axpyUnchecked(1f, rows, row, outputVectors, noiseIds[b][k] * dim, dim);
      if (outputUpdates != null) {
        outputUpdates[noiseIds[b][k]]++;
      }
    }
  }

  /**
   * CBOW for the centre word at {@code pos}, as the per-pair kernel computes it (the mean of the
   * context rows as they are now, its gradient added to every context row), but against the noise
   * rows held in its block, updated there.
   *
   * @return the examples trained, 0 or 1
   */
  int cbow(int[] sentence, int pos, int from, int to, float alpha) {
    final float[] h = hidden;
    Arrays.fill(h, 0, dim, 0f);
    int n = 0;
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        VectorMath.axpyUnchecked(1f, inputVectors, sentence[c] * dim, h, 0, dim);
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    float inv = 1f / n;
    for (int i = 0; i < dim; i++) {
      h[i] *= inv;
    }
    final int b = block;
    final float[] rows = noiseBlocks[b];
    final int[] noise = noiseIds[b];
    final int target = sentence[pos];
    final int m = negative;
    // The centre's own output row after the noise rows, so that one pass scores all.
    System.arraycopy(outputVectors, target * dim, rows, m * stride, dim);
    VectorMath.dotRowsUnchecked(h, 1, rows, scoredRows, stride, scores);
    for (int k = 0; k < m; k++) {
      scores[k] = noise[k] == target ? 0f : gradient(scores[k], false, alpha);
    }
    final float g = gradient(scores[m], true, alpha);
    scores[m] = g;
    Arrays.fill(hiddenGradient, 0f);
    VectorMath.addProductsUnchecked(scores, 0, 1, 1, m + 1, rows, hiddenGradient, stride);
    VectorMath.addProductsUnchecked(scores, 1, 0, m, 1, h, rows, stride);
    VectorMath.axpyUnchecked(g, h, 0, outputVectors, target * dim, dim);
    if (outputUpdates != null) {
      outputUpdates[target]++;
    }
    for (int c = from; c <= to; c++) {
      if (c != pos) {
        int word = sentence[c];
        float scale = word < lockedBelow ? lockFactor : 1f;
        VectorMath.axpyUnchecked(scale, hiddenGradient, 0, inputVectors, word * dim, dim);
        if (inputUpdates != null) {
          inputUpdates[word]++;
        }
      }
    }
    if (--noiseLeft[b] == 0) {
      release(b);
    }
    block = b + 1 == noiseBlocks.length ? 0 : b + 1;
    return 1;
  }

  /** Adds row {@code deltaRow} of {@link #inputDelta} to {@code word}'s input row. */
  private void addToInputRow(int word, int deltaRow) {
    float scale = word < lockedBelow ? lockFactor : 1f;
    VectorMath.axpyUnchecked(scale, inputDelta, deltaRow * stride, inputVectors, word * dim, dim);
    if (inputUpdates != null) {
      inputUpdates[word]++;
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
