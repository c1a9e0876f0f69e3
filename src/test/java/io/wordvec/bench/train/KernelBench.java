package io.wordvec.bench.train;

import io.wordvec.vectors.VectorMath;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The training kernels through {@link VectorMath}: a dot product, an axpy, and one skip-gram
 * negative-sampling update (one positive and five noise output rows: dot, gradient, two axpys each,
 * then the input row's axpy), as the trainer's worker does it.
 *
 * <p>Which kernels run is decided once per JVM: {@code bench/jmh.sh} runs this class twice, with
 * the Vector API and with {@code -Dwordvec.simd.disabled=true} (scalar).
 *
 * <p>{@link #perPairWindow} and {@link #batchedWindow} train the same six (context, centre) pairs
 * of one centre word (six: the mean context of word2vec's randomly shrunk window 5), the first as
 * the per-pair kernel does (each pair with five noise words of its own), the second as the batched
 * kernel ({@code io.wordvec.train.HogBatch}) does: the six input rows and the centre's and five
 * shared noise words' output rows gathered into padded blocks, {@code dotRows}, the gradients, two
 * {@code addProducts}, and the deltas added back. Both mirror the trainer's code through the same
 * public kernels; the batched one draws a sixth of the noise rows, which is what batching trades.
 *
 * <p>The update benchmarks cycle through {@code vocabulary} rows: 4,096 (1.6 MB per matrix at
 * dimension 100) measures arithmetic plus cache-resident loads; 50,000 (20 MB per matrix, about
 * gutenberg-17m's vocabulary) adds the cache misses of a real run's scattered rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class KernelBench {

  private static final int NEGATIVE = 5;

  /** Context words of one centre word in the window benchmarks. */
  private static final int CONTEXTS = 6;

  @Param({"100", "300"})
  int dim;

  @Param({"4096", "50000"})
  int vocabulary;

  float[] a;
  float[] b;
  float[] input;
  float[] output;
  float[] gradient;
  int[] rows;
  int next;
  int stride;
  float[] inputBlock;
  float[] outputBlock;
  float[] inputDelta;
  float[] outputDelta;
  float[] scores;

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(1);
    a = new float[dim];
    b = new float[dim];
    for (int i = 0; i < dim; i++) {
      a[i] = (float) random.nextGaussian();
      b[i] = (float) random.nextGaussian();
    }
    input = new float[vocabulary * dim];
    output = new float[vocabulary * dim];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) ((random.nextDouble() - 0.5) / dim);
      output[i] = (float) ((random.nextDouble() - 0.5) / dim);
    }
    gradient = new float[dim];
    rows = new int[1 << 16];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextInt(vocabulary) * dim;
    }
    stride = VectorMath.paddedRowLength(dim);
    inputBlock = new float[CONTEXTS * stride];
    outputBlock = new float[(1 + NEGATIVE) * stride];
    inputDelta = new float[CONTEXTS * stride];
    outputDelta = new float[(1 + NEGATIVE) * stride];
    scores = new float[CONTEXTS * (1 + NEGATIVE)];
  }

  @Benchmark
  public float dot() {
    return VectorMath.dotUnchecked(a, 0, b, 0, dim);
  }

  @Benchmark
  public float[] axpy() {
    VectorMath.axpyUnchecked(1e-3f, a, 0, b, 0, dim);
    return b;
  }

  /** One (context, centre) pair with five noise words. */
  @Benchmark
  public float negativeSamplingUpdate() {
    int base = next;
    next = (next + NEGATIVE + 2) & (rows.length - 1);
    int mask = rows.length - 1;
    return pairUpdate(rows[base], rows[(base + 1) & mask], base + 2);
  }

  /**
   * Six (context, centre) pairs of one centre word, per pair: the centre's output row six times,
   * six times five noise words.
   */
  @Benchmark
  public float perPairWindow() {
    int mask = rows.length - 1;
    int base = next;
    next = (next + 1 + CONTEXTS * (1 + NEGATIVE)) & mask;
    int centreRow = rows[base];
    float loss = 0;
    for (int c = 0; c < CONTEXTS; c++) {
      int inputRow = rows[(base + 1 + c) & mask];
      loss += pairUpdate(inputRow, centreRow, base + 1 + CONTEXTS + c * NEGATIVE);
    }
    return loss;
  }

  /** The same six pairs, batched: one set of five noise words shared by the six context rows. */
  @Benchmark
  public float batchedWindow() {
    final int d = dim;
    final int s = stride;
    final int m = 1 + NEGATIVE;
    final float alpha = 0.025f;
    final int mask = rows.length - 1;
    int base = next;
    next = (next + 1 + CONTEXTS * (1 + NEGATIVE)) & mask;
    for (int c = 0; c < CONTEXTS; c++) {
      System.arraycopy(input, rows[(base + 1 + c) & mask], inputBlock, c * s, d);
    }
    for (int k = 0; k < m; k++) {
      System.arraycopy(output, outputRow(base, k), outputBlock, k * s, d);
    }
    VectorMath.dotRowsUnchecked(inputBlock, CONTEXTS, outputBlock, m, s, scores);
    float loss = 0;
    for (int i = 0; i < scores.length; i++) {
      float label = i % m == 0 ? 1f : 0f;
      float sigma = (float) (1 / (1 + Math.exp(-scores[i])));
      scores[i] = (label - sigma) * alpha;
      loss += scores[i];
    }
    java.util.Arrays.fill(inputDelta, 0f);
    java.util.Arrays.fill(outputDelta, 0f);
    VectorMath.addProductsUnchecked(scores, m, 1, CONTEXTS, m, outputBlock, inputDelta, s);
    VectorMath.addProductsUnchecked(scores, 1, m, m, CONTEXTS, inputBlock, outputDelta, s);
    for (int c = 0; c < CONTEXTS; c++) {
      VectorMath.axpyUnchecked(1f, inputDelta, c * s, input, rows[(base + 1 + c) & mask], d);
    }
    for (int k = 0; k < m; k++) {
      VectorMath.axpyUnchecked(1f, outputDelta, k * s, output, outputRow(base, k), d);
    }
    return loss;
  }

  /** The batched window's output row {@code k}: the centre, then the noise words. */
  private int outputRow(int base, int k) {
    int mask = rows.length - 1;
    return k == 0 ? rows[base] : rows[(base + CONTEXTS + k) & mask];
  }

  /**
   * The per-pair update of the input row at {@code inputRow}: the centre's output row, then the
   * five noise rows from {@code rows[noiseAt]} on.
   */
  private float pairUpdate(int inputRow, int centreRow, int noiseAt) {
    final int d = dim;
    final float alpha = 0.025f;
    java.util.Arrays.fill(gradient, 0f);
    float loss = 0;
    for (int k = 0; k <= NEGATIVE; k++) {
      int outputRow = k == 0 ? centreRow : rows[(noiseAt + k - 1) & (rows.length - 1)];
      float f = VectorMath.dotUnchecked(input, inputRow, output, outputRow, d);
      float label = k == 0 ? 1f : 0f;
      float sigma = (float) (1 / (1 + Math.exp(-f)));
      float g = (label - sigma) * alpha;
      loss += g;
      VectorMath.axpyUnchecked(g, output, outputRow, gradient, 0, d);
      VectorMath.axpyUnchecked(g, input, inputRow, output, outputRow, d);
    }
    VectorMath.axpyUnchecked(1f, gradient, 0, input, inputRow, d);
    return loss;
  }
}
