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
 * <p>The update benchmark cycles through 4,096 rows (1.6 MB per matrix at dimension 100), so it
 * measures arithmetic plus cache-resident loads, not main-memory misses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class KernelBench {

  private static final int ROWS = 4096;
  private static final int NEGATIVE = 5;

  @Param({"100", "300"})
  int dim;

  float[] a;
  float[] b;
  float[] input;
  float[] output;
  float[] gradient;
  int[] rows;
  int next;

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(1);
    a = new float[dim];
    b = new float[dim];
    for (int i = 0; i < dim; i++) {
      a[i] = (float) random.nextGaussian();
      b[i] = (float) random.nextGaussian();
    }
    input = new float[ROWS * dim];
    output = new float[ROWS * dim];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) ((random.nextDouble() - 0.5) / dim);
      output[i] = (float) ((random.nextDouble() - 0.5) / dim);
    }
    gradient = new float[dim];
    rows = new int[1 << 16];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextInt(ROWS) * dim;
    }
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
    final int d = dim;
    final float alpha = 0.025f;
    int base = next;
    next = (next + NEGATIVE + 2) & (rows.length - 1);
    int inputRow = rows[base];
    java.util.Arrays.fill(gradient, 0f);
    float loss = 0;
    for (int k = 0; k <= NEGATIVE; k++) {
      int outputRow = rows[(base + 1 + k) & (rows.length - 1)];
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
