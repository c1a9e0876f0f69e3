package io.wordvec.vectors;

import io.wordvec.vectors.internal.VectorOps;
import io.wordvec.vectors.internal.VectorOpsProvider;
import java.util.Objects;

/**
 * The one entry point for vector arithmetic on flat {@code float[]} rows. Checks arguments once,
 * then delegates to the fastest available kernels: the incubating Vector API when the JVM was
 * started with that module added, otherwise plain Java (chosen once, and logged, by {@link
 * VectorOpsProvider}).
 *
 * <p>Thread-safe and stateless. Hot loops that have validated their matrix shapes once call the
 * unchecked variants {@link #dotUnchecked} and {@link #axpyUnchecked}.
 */
public final class VectorMath {

  /**
   * The JDK module of the SIMD kernels, for launchers that start JVMs running wordvec code ({@code
   * --add-modules}); a constant, so reading it does not load the kernels.
   */
  public static final String SIMD_MODULE = VectorOpsProvider.SIMD_MODULE;

  private static final VectorOps OPS = VectorOpsProvider.active();

  private VectorMath() {}

  /** Which implementation is active: {@code "simd-<bits>"} or {@code "scalar"}. */
  public static String implementationName() {
    return OPS.name();
  }

  /** Whether the SIMD kernels are active. */
  public static boolean simdEnabled() {
    return OPS != VectorOpsProvider.scalar();
  }

  /** Dot product of two equal-length vectors. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " != " + b.length);
    }
    return OPS.dot(a, 0, b, 0, a.length);
  }

  /** Dot product of {@code len} elements starting at the given offsets. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
    Objects.checkFromIndexSize(aOff, len, a.length);
    Objects.checkFromIndexSize(bOff, len, b.length);
    return OPS.dot(a, aOff, b, bOff, len);
  }

  /**
   * Dot product of {@code q[0..len)} with {@code len} signed 8-bit codes starting at {@code
   * codes[off]}, summed in an order of the kernel's choosing.
   */
  public static float dotBytes(float[] q, byte[] codes, int off, int len) {
    Objects.checkFromIndexSize(0, len, q.length);
    Objects.checkFromIndexSize(off, len, codes.length);
    return OPS.dotBytes(q, codes, off, len);
  }

  /** {@code y += alpha * x} over {@code len} elements starting at the given offsets. */
  public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
    Objects.checkFromIndexSize(xOff, len, x.length);
    Objects.checkFromIndexSize(yOff, len, y.length);
    OPS.axpy(alpha, x, xOff, y, yOff, len);
  }

  /** {@code x *= alpha} over {@code len} elements starting at {@code xOff}. */
  public static void scale(float alpha, float[] x, int xOff, int len) {
    Objects.checkFromIndexSize(xOff, len, x.length);
    OPS.scale(alpha, x, xOff, len);
  }

  /** Euclidean norm of {@code len} elements starting at {@code off}. */
  public static float norm(float[] x, int off, int len) {
    Objects.checkFromIndexSize(off, len, x.length);
    return (float) Math.sqrt(OPS.dot(x, off, x, off, len));
  }

  /**
   * Dot product without bounds checks beyond the JVM's own. For hot loops (training, top-k scans)
   * whose callers have validated the matrix shape once, outside the loop.
   */
  public static float dotUnchecked(float[] a, int aOff, float[] b, int bOff, int len) {
    return OPS.dot(a, aOff, b, bOff, len);
  }

  /** {@code y += alpha * x} without argument checks; see {@link #dotUnchecked}. */
  public static void axpyUnchecked(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
    OPS.axpy(alpha, x, xOff, y, yOff, len);
  }

  /**
   * {@code len} rounded up to a multiple of 16 floats, the widest float vector (512 bits): rows of
   * this length, padded with zeros, run through {@link #dotRowsUnchecked} and {@link
   * #addProductsUnchecked} at full width on every vector size, with no scalar tail.
   */
  public static int paddedRowLength(int len) {
    return (len + 15) & ~15;
  }

  /**
   * All dot products of the rows of two small row-major blocks, {@code out[i * bRows + j] = a_i .
   * b_j}, rows {@code stride} floats apart; no argument checks (see {@link VectorOps#dotRows}).
   */
  public static void dotRowsUnchecked(
      float[] a, int aRows, float[] b, int bRows, int stride, float[] out) {
    OPS.dotRows(a, aRows, b, bRows, stride, out);
  }

  /**
   * {@code c_i += sum_k g(i, k) b_k} over small row-major blocks, {@code g(i, k) = g[i * gRowStep +
   * k * gColStep]}; no argument checks (see {@link VectorOps#addProducts}).
   */
  public static void addProductsUnchecked(
      float[] g,
      int gRowStep,
      int gColStep,
      int rows,
      int inner,
      float[] b,
      float[] c,
      int stride) {
    OPS.addProducts(g, gRowStep, gColStep, rows, inner, b, c, stride);
  }

  /**
   * The index of the first NaN or infinite value in {@code x}, or -1 if there is none. Rows of
   * {@code rowLength} values are screened by their sum of squares, which a non-finite value makes
   * non-finite, so a clean matrix costs one cheap pass; plain loops, as for {@link
   * #plainSumOfSquares}.
   */
  public static int firstNonFinite(float[] x, int rowLength) {
    for (int off = 0; off < x.length; off += rowLength) {
      int len = Math.min(rowLength, x.length - off);
      if (Float.isFinite(plainSumOfSquares(x, off, len))) {
        continue;
      }
      for (int i = off; i < off + len; i++) {
        if (!Float.isFinite(x[i])) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Plain-Java sum of squares for one-off passes over a whole matrix (building word vectors,
   * checking a file). Deliberately not the Vector API: a model is usually built right after JVM
   * start, when Vector API calls still run interpreted and cost far more than this loop (measured:
   * a third of a cold load's CPU).
   */
  static float plainSumOfSquares(float[] x, int off, int len) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = off;
    int upper = off + (len & ~3);
    for (; i < upper; i += 4) {
      s0 += x[i] * x[i];
      s1 += x[i + 1] * x[i + 1];
      s2 += x[i + 2] * x[i + 2];
      s3 += x[i + 3] * x[i + 3];
    }
    for (; i < off + len; i++) {
      s0 += x[i] * x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
