package io.wordvec.vectors.internal;

import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorOperators.Conversion;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the incubating Vector API. This is the only class that imports {@code
 * jdk.incubator.vector}; {@link VectorOpsProvider} loads it reflectively so the engine still runs
 * when the module is absent.
 *
 * <p>Why this class is long: every kernel here is written out in full, with no vector-valued helper
 * methods, because a helper that C2 does not inline boxes its vectors on the heap (see the comments
 * in {@link #dot} and {@link #B2F}); each kernel has its own short loop structure. They stay in one
 * class because they share its one vector species, the lane-folding shuffles of {@link #sumLanes}
 * and the tail weights that end a row without scalar steps: on JDK 17 a second class with vectors
 * of its own shape made every kernel slower (see {@link #BYTE_SPECIES}).
 */
final class PanamaVectorOps implements VectorOps {

  /** The module these kernels need; the JVM must be started with it added. */
  static final String MODULE = "jdk.incubator.vector";

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /**
   * Bytes with as many lanes as {@link #SPECIES}: each byte lane widens to one float lane. Every
   * kernel works on vectors of this one shape: on JDK 17, code that also used vectors of another
   * size made the float kernels several times slower once both had run (the Vector API's own
   * methods see more than one vector class and are no longer compiled to plain instructions).
   */
  private static final VectorSpecies<Byte> BYTE_SPECIES =
      VectorSpecies.of(
          byte.class, VectorShape.forBitSize(Math.max(64, SPECIES.vectorBitSize() / 4)));

  private static final int BLOCK = Quantizer.BLOCK_ROWS;

  /**
   * Bytes to floats. The kernels widen codes inline, not through a helper method: a helper that
   * returns a vector and is not inlined (C2 gives up on inlining once a kernel is big enough) has
   * its vector boxed on the heap at every call (measured: 24 MB of garbage per 3CosMul query).
   */
  private static final Conversion<Byte, Float> B2F = VectorOperators.B2F;

  /**
   * Vectors per block of 8-bit rows: one with 512-bit vectors, two with 256-bit ones. Narrower
   * vectors leave the block kernels to the scalar code.
   */
  private static final int PARTS = BLOCK / SPECIES.length();

  private static final VectorOps SCALAR = new ScalarVectorOps();

  private static final int LANES = SPECIES.length();

  /**
   * {@code LANES} zeros then {@code LANES} ones: the vector read at offset {@code r} weights its
   * last {@code r} lanes 1 and the others 0.
   */
  private static final float[] TAIL_WEIGHTS = tailWeights();

  private static float[] tailWeights() {
    float[] weights = new float[2 * LANES];
    Arrays.fill(weights, LANES, 2 * LANES, 1f);
    return weights;
  }

  /**
   * Shuffles that bring lanes {@code [w, 2w)} onto lanes {@code [0, w)}, for {@code w} = 8, 4, 2
   * and 1 lanes, for {@link #sumLanes}. Each is a constant of its own, not an element of an array:
   * C2 compiles a rearrange to one instruction only when it knows the shuffle's exact class, and a
   * shuffle loaded from an array hid it in some compilations (measured: 672 bytes of boxed vectors
   * allocated per dot product of 100 floats, four times slower).
   */
  private static final VectorShuffle<Float> FOLD_8 = fold(8);

  private static final VectorShuffle<Float> FOLD_4 = fold(4);
  private static final VectorShuffle<Float> FOLD_2 = fold(2);
  private static final VectorShuffle<Float> FOLD_1 = fold(1);

  private static VectorShuffle<Float> fold(int width) {
    return width < LANES ? VectorShuffle.iota(SPECIES, width, 1, true) : null;
  }

  /**
   * The sum of a vector's lanes, always added in the same order. {@code reduceLanes(ADD)} leaves
   * the order of a float sum to the implementation: newer JDKs add in a different order once the
   * JIT has compiled the code than before, so the same dot product of the same rows could differ in
   * its last bit between two call sites, or between a scan and the rescoring that must reproduce
   * it. Here every step is a lane-wise addition of fixed pairs: the same result in every mode.
   */
  private static float sumLanes(FloatVector v) {
    if (LANES > 8) {
      v = v.add(v.rearrange(FOLD_8));
    }
    if (LANES > 4) {
      v = v.add(v.rearrange(FOLD_4));
    }
    if (LANES > 2) {
      v = v.add(v.rearrange(FOLD_2));
    }
    if (LANES > 1) {
      v = v.add(v.rearrange(FOLD_1));
    }
    return v.lane(0);
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int len) {
    int i = 0;
    int step = SPECIES.length();
    if (len < step) {
      float sum = 0;
      for (; i < len; i++) {
        sum += a[aOff + i] * b[bOff + i];
      }
      return sum;
    }
    FloatVector acc = FloatVector.zero(SPECIES);
    if (len >= 4 * step) {
      // Four vector accumulators hide the latency of the fused multiply-add chain.
      FloatVector acc0 = FloatVector.zero(SPECIES);
      FloatVector acc1 = FloatVector.zero(SPECIES);
      FloatVector acc2 = FloatVector.zero(SPECIES);
      FloatVector acc3 = FloatVector.zero(SPECIES);
      int upper = len - 4 * step + 1;
      // No helper method for the steps: a helper that C2 compiles on its own first may then be
      // too big to inline here, and every vector passed to it or returned is boxed on the heap.
      for (; i < upper; i += 4 * step) {
        acc0 =
            FloatVector.fromArray(SPECIES, a, aOff + i)
                .fma(FloatVector.fromArray(SPECIES, b, bOff + i), acc0);
        acc1 =
            FloatVector.fromArray(SPECIES, a, aOff + i + step)
                .fma(FloatVector.fromArray(SPECIES, b, bOff + i + step), acc1);
        acc2 =
            FloatVector.fromArray(SPECIES, a, aOff + i + 2 * step)
                .fma(FloatVector.fromArray(SPECIES, b, bOff + i + 2 * step), acc2);
        acc3 =
            FloatVector.fromArray(SPECIES, a, aOff + i + 3 * step)
                .fma(FloatVector.fromArray(SPECIES, b, bOff + i + 3 * step), acc3);
      }
      acc = acc0.add(acc1).add(acc2.add(acc3));
    }
    int upper = SPECIES.loopBound(len);
    for (; i < upper; i += step) {
      acc =
          FloatVector.fromArray(SPECIES, a, aOff + i)
              .fma(FloatVector.fromArray(SPECIES, b, bOff + i), acc);
    }
    if (i < len) {
      // The last len % LANES products from one full vector that ends at len, with the lanes the
      // loop already counted weighted 0: rows of 100 or 300 floats would otherwise end in 4 or 12
      // scalar steps, as slow as the vector steps before them, and masked loads are not compiled
      // to plain instructions on JDK 17. Inline, not a helper: see the loop above.
      int from = len - step;
      acc =
          FloatVector.fromArray(SPECIES, a, aOff + from)
              .mul(FloatVector.fromArray(SPECIES, TAIL_WEIGHTS, len % step))
              .fma(FloatVector.fromArray(SPECIES, b, bOff + from), acc);
    }
    return sumLanes(acc);
  }

  @Override
  public float dotBytes(float[] q, byte[] codes, int off, int len) {
    int step = SPECIES.length();
    if (len < step || BYTE_SPECIES.length() != step) {
      return SCALAR.dotBytes(q, codes, off, len);
    }
    // Two accumulators: a row of 300 codes is 19 vectors, too few for four to pay.
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i + 2 * step <= len; i += 2 * step) {
      acc0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, off + i).convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.fromArray(SPECIES, q, i), acc0);
      acc1 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, off + i + step)
                      .convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.fromArray(SPECIES, q, i + step), acc1);
    }
    if (i + step <= len) {
      acc0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, off + i).convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.fromArray(SPECIES, q, i), acc0);
      i += step;
    }
    if (i < len) {
      // The tail as in dot: one full vector that ends at len, the lanes already counted weighted 0.
      int from = len - step;
      acc1 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, off + from)
                      .convertShape(B2F, SPECIES, 0))
              .mul(FloatVector.fromArray(SPECIES, TAIL_WEIGHTS, len % step))
              .fma(FloatVector.fromArray(SPECIES, q, from), acc1);
    }
    return sumLanes(acc0.add(acc1));
  }

  @Override
  public void dotBytesBlock(float[] q, byte[] codes, int off, int dim, float[] out, int outOff) {
    if (PARTS == 1) {
      dotBytesWholeBlock(q, codes, off, dim, out, outOff);
    } else if (PARTS == 2) {
      dotBytesBlockInHalves(q, codes, off, dim, out, outOff);
    } else {
      SCALAR.dotBytesBlock(q, codes, off, dim, out, outOff);
    }
  }

  /** A block in one vector: one lane per row. */
  private static void dotBytesWholeBlock(
      float[] q, byte[] codes, int off, int dim, float[] out, int outOff) {
    // Four accumulators, one per position of four in a row: with fewer, each step waits for the
    // latency of the previous fused multiply-add (measured: 0.41 against 0.31 ms for one
    // thread's scan of 49k x 100 with two).
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    FloatVector acc2 = FloatVector.zero(SPECIES);
    FloatVector acc3 = FloatVector.zero(SPECIES);
    int j = 0;
    int at = off;
    for (; j + 3 < dim; j += 4, at += 4 * BLOCK) {
      acc0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at).convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.broadcast(SPECIES, q[j]), acc0);
      acc1 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at + BLOCK)
                      .convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.broadcast(SPECIES, q[j + 1]), acc1);
      acc2 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at + 2 * BLOCK)
                      .convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.broadcast(SPECIES, q[j + 2]), acc2);
      acc3 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at + 3 * BLOCK)
                      .convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.broadcast(SPECIES, q[j + 3]), acc3);
    }
    for (; j < dim; j++, at += BLOCK) {
      acc0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at).convertShape(B2F, SPECIES, 0))
              .fma(FloatVector.broadcast(SPECIES, q[j]), acc0);
    }
    acc0.add(acc1).add(acc2.add(acc3)).intoArray(out, outOff);
  }

  /** A block in two vectors: the first and the second half of its rows. */
  private static void dotBytesBlockInHalves(
      float[] q, byte[] codes, int off, int dim, float[] out, int outOff) {
    int half = SPECIES.length();
    // Two positions per pass: four independent chains, as in the whole-block kernel.
    FloatVector low0 = FloatVector.zero(SPECIES);
    FloatVector high0 = FloatVector.zero(SPECIES);
    FloatVector low1 = FloatVector.zero(SPECIES);
    FloatVector high1 = FloatVector.zero(SPECIES);
    int j = 0;
    int at = off;
    for (; j + 1 < dim; j += 2, at += 2 * BLOCK) {
      FloatVector x0 = FloatVector.broadcast(SPECIES, q[j]);
      FloatVector x1 = FloatVector.broadcast(SPECIES, q[j + 1]);
      low0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at).convertShape(B2F, SPECIES, 0))
              .fma(x0, low0);
      high0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at + half)
                      .convertShape(B2F, SPECIES, 0))
              .fma(x0, high0);
      low1 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at + BLOCK)
                      .convertShape(B2F, SPECIES, 0))
              .fma(x1, low1);
      high1 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at + BLOCK + half)
                      .convertShape(B2F, SPECIES, 0))
              .fma(x1, high1);
    }
    if (j < dim) {
      FloatVector x = FloatVector.broadcast(SPECIES, q[j]);
      low0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at).convertShape(B2F, SPECIES, 0))
              .fma(x, low0);
      high0 =
          ((FloatVector)
                  ByteVector.fromArray(BYTE_SPECIES, codes, at + half)
                      .convertShape(B2F, SPECIES, 0))
              .fma(x, high0);
    }
    low0.add(low1).intoArray(out, outOff);
    high0.add(high1).intoArray(out, outOff + half);
  }

  @Override
  public void dotBytesBlock3(
      float[] a, float[] b, float[] c, byte[] codes, int off, int dim, float[] out) {
    if (PARTS != 1) {
      dotBytesBlock(a, codes, off, dim, out, 0);
      dotBytesBlock(b, codes, off, dim, out, BLOCK);
      dotBytesBlock(c, codes, off, dim, out, 2 * BLOCK);
      return;
    }
    // Two positions per pass: six independent chains.
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector b0 = FloatVector.zero(SPECIES);
    FloatVector c0 = FloatVector.zero(SPECIES);
    FloatVector a1 = FloatVector.zero(SPECIES);
    FloatVector b1 = FloatVector.zero(SPECIES);
    FloatVector c1 = FloatVector.zero(SPECIES);
    int j = 0;
    int at = off;
    for (; j + 1 < dim; j += 2, at += 2 * BLOCK) {
      FloatVector code0 =
          ((FloatVector)
              ByteVector.fromArray(BYTE_SPECIES, codes, at).convertShape(B2F, SPECIES, 0));
      FloatVector code1 =
          ((FloatVector)
              ByteVector.fromArray(BYTE_SPECIES, codes, at + BLOCK).convertShape(B2F, SPECIES, 0));
      a0 = code0.fma(FloatVector.broadcast(SPECIES, a[j]), a0);
      b0 = code0.fma(FloatVector.broadcast(SPECIES, b[j]), b0);
      c0 = code0.fma(FloatVector.broadcast(SPECIES, c[j]), c0);
      a1 = code1.fma(FloatVector.broadcast(SPECIES, a[j + 1]), a1);
      b1 = code1.fma(FloatVector.broadcast(SPECIES, b[j + 1]), b1);
      c1 = code1.fma(FloatVector.broadcast(SPECIES, c[j + 1]), c1);
    }
    if (j < dim) {
      FloatVector code =
          ((FloatVector)
              ByteVector.fromArray(BYTE_SPECIES, codes, at).convertShape(B2F, SPECIES, 0));
      a0 = code.fma(FloatVector.broadcast(SPECIES, a[j]), a0);
      b0 = code.fma(FloatVector.broadcast(SPECIES, b[j]), b0);
      c0 = code.fma(FloatVector.broadcast(SPECIES, c[j]), c0);
    }
    a0.add(a1).intoArray(out, 0);
    b0.add(b1).intoArray(out, BLOCK);
    c0.add(c1).intoArray(out, 2 * BLOCK);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
    int i = 0;
    int upper = SPECIES.loopBound(len);
    FloatVector va = FloatVector.broadcast(SPECIES, alpha);
    // The last len % LANES elements as one full vector ending at len, computed before the loop
    // writes the lanes it shares with the loop's last vector: those lanes are stored twice with
    // the same value, and no scalar tail is left (see dot).
    FloatVector tail = null;
    if (upper < len && upper > 0) {
      int from = len - LANES;
      tail =
          FloatVector.fromArray(SPECIES, x, xOff + from)
              .fma(va, FloatVector.fromArray(SPECIES, y, yOff + from));
    }
    for (; i < upper; i += LANES) {
      FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + i);
      FloatVector vy = FloatVector.fromArray(SPECIES, y, yOff + i);
      vx.fma(va, vy).intoArray(y, yOff + i);
    }
    if (tail != null) {
      tail.intoArray(y, yOff + len - LANES);
      return;
    }
    for (; i < len; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void dotRows(float[] a, int aRows, float[] b, int bRows, int stride, float[] out) {
    final int step = LANES;
    final int upper = SPECIES.loopBound(stride);
    for (int i = 0; i < aRows; i++) {
      final int aRow = i * stride;
      int j = 0;
      // Four rows of b against one row of a: each load of a feeds four fused multiply-adds, and the
      // four sums are independent chains.
      for (; j + 3 < bRows; j += 4) {
        final int b0 = j * stride;
        final int b1 = b0 + stride;
        final int b2 = b1 + stride;
        final int b3 = b2 + stride;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        FloatVector acc3 = FloatVector.zero(SPECIES);
        int x = 0;
        for (; x < upper; x += step) {
          FloatVector va = FloatVector.fromArray(SPECIES, a, aRow + x);
          acc0 = va.fma(FloatVector.fromArray(SPECIES, b, b0 + x), acc0);
          acc1 = va.fma(FloatVector.fromArray(SPECIES, b, b1 + x), acc1);
          acc2 = va.fma(FloatVector.fromArray(SPECIES, b, b2 + x), acc2);
          acc3 = va.fma(FloatVector.fromArray(SPECIES, b, b3 + x), acc3);
        }
        // The lane sums written out, in sumLanes's fixed order: called here, sumLanes was not
        // inlined once the trainer had compiled it on its own, and every call boxed its vector
        // (measured: the batched trainer at half the per-pair kernel's speed).
        if (LANES > 8) {
          acc0 = acc0.add(acc0.rearrange(FOLD_8));
          acc1 = acc1.add(acc1.rearrange(FOLD_8));
          acc2 = acc2.add(acc2.rearrange(FOLD_8));
          acc3 = acc3.add(acc3.rearrange(FOLD_8));
        }
        if (LANES > 4) {
          acc0 = acc0.add(acc0.rearrange(FOLD_4));
          acc1 = acc1.add(acc1.rearrange(FOLD_4));
          acc2 = acc2.add(acc2.rearrange(FOLD_4));
          acc3 = acc3.add(acc3.rearrange(FOLD_4));
        }
        if (LANES > 2) {
          acc0 = acc0.add(acc0.rearrange(FOLD_2));
          acc1 = acc1.add(acc1.rearrange(FOLD_2));
          acc2 = acc2.add(acc2.rearrange(FOLD_2));
          acc3 = acc3.add(acc3.rearrange(FOLD_2));
        }
        if (LANES > 1) {
          acc0 = acc0.add(acc0.rearrange(FOLD_1));
          acc1 = acc1.add(acc1.rearrange(FOLD_1));
          acc2 = acc2.add(acc2.rearrange(FOLD_1));
          acc3 = acc3.add(acc3.rearrange(FOLD_1));
        }
        float s0 = acc0.lane(0);
        float s1 = acc1.lane(0);
        float s2 = acc2.lane(0);
        float s3 = acc3.lane(0);
        for (; x < stride; x++) {
          float ax = a[aRow + x];
          s0 += ax * b[b0 + x];
          s1 += ax * b[b1 + x];
          s2 += ax * b[b2 + x];
          s3 += ax * b[b3 + x];
        }
        int o = i * bRows + j;
        out[o] = s0;
        out[o + 1] = s1;
        out[o + 2] = s2;
        out[o + 3] = s3;
      }
      for (; j < bRows; j++) {
        out[i * bRows + j] = dot(a, aRow, b, j * stride, stride);
      }
    }
  }

  @Override
  public void addProducts(
      float[] g,
      int gRowStep,
      int gColStep,
      int rows,
      int inner,
      float[] b,
      float[] c,
      int stride) {
    final int step = LANES;
    final int upper = SPECIES.loopBound(stride);
    for (int i = 0; i < rows; i++) {
      final int cRow = i * stride;
      final int gRow = i * gRowStep;
      int x = 0;
      // Two vectors of c_i at a time, kept in registers while every b_k is added: one load and one
      // store of c per vector instead of one per coefficient, and two independent chains.
      for (; x + step < upper; x += 2 * step) {
        FloatVector acc0 = FloatVector.fromArray(SPECIES, c, cRow + x);
        FloatVector acc1 = FloatVector.fromArray(SPECIES, c, cRow + x + step);
        // No test for zero coefficients: a vector updated on one branch only is boxed at the join
        // on JDK 17; adding zero times a row changes nothing.
        for (int k = 0; k < inner; k++) {
          FloatVector vg = FloatVector.broadcast(SPECIES, g[gRow + k * gColStep]);
          int bRow = k * stride + x;
          acc0 = FloatVector.fromArray(SPECIES, b, bRow).fma(vg, acc0);
          acc1 = FloatVector.fromArray(SPECIES, b, bRow + step).fma(vg, acc1);
        }
        acc0.intoArray(c, cRow + x);
        acc1.intoArray(c, cRow + x + step);
      }
      for (; x < upper; x += step) {
        FloatVector acc = FloatVector.fromArray(SPECIES, c, cRow + x);
        for (int k = 0; k < inner; k++) {
          acc =
              FloatVector.fromArray(SPECIES, b, k * stride + x)
                  .fma(FloatVector.broadcast(SPECIES, g[gRow + k * gColStep]), acc);
        }
        acc.intoArray(c, cRow + x);
      }
      for (; x < stride; x++) {
        float sum = c[cRow + x];
        for (int k = 0; k < inner; k++) {
          sum += g[gRow + k * gColStep] * b[k * stride + x];
        }
        c[cRow + x] = sum;
      }
    }
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, int len) {
    int i = 0;
    int upper = SPECIES.loopBound(len);
    for (; i < upper; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
    }
    for (; i < len; i++) {
      x[xOff + i] *= alpha;
    }
  }

  @Override
  public String name() {
    return "simd-" + SPECIES.vectorBitSize();
  }
}
