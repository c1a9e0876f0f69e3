package io.wordvec.vectors;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The one entry point for vector arithmetic on flat {@code float[]} rows. Checks arguments once,
 * then delegates to the fastest available kernels: the incubating Vector API ({@link
 * PanamaVectorOps}) when the JVM was started with that module added, otherwise plain Java.
 *
 * <p>Thread-safe and stateless. Hot loops that have validated their matrix shapes once call the
 * unchecked variants {@link #dotUnchecked} and {@link #axpyUnchecked}.
 */
public final class VectorMath {

  private static final Logger LOG = System.getLogger(VectorMath.class.getName());
  private static final VectorOps SCALAR = new ScalarVectorOps();
  private static final VectorOps OPS = chooseImplementation();

  private VectorMath() {}

  private static VectorOps chooseImplementation() {
    if (Boolean.getBoolean("wordvec.simd.disabled")) {
      LOG.log(Level.INFO, "Vector math: scalar (SIMD disabled by wordvec.simd.disabled)");
      return SCALAR;
    }
    // MODULE is a compile-time constant: reading it does not load PanamaVectorOps.
    if (ModuleLayer.boot().findModule(PanamaVectorOps.MODULE).isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Vector math: scalar. Start the JVM with --add-modules "
              + PanamaVectorOps.MODULE
              + " for SIMD.");
      return SCALAR;
    }
    try {
      VectorOps ops =
          (VectorOps)
              Class.forName("io.wordvec.vectors.PanamaVectorOps")
                  .getDeclaredConstructor()
                  .newInstance();
      LOG.log(Level.INFO, "Vector math: " + ops.name() + " (" + PanamaVectorOps.MODULE + ")");
      return ops;
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.WARNING, "Vector math: scalar (Vector API unusable: " + e + ")");
      return SCALAR;
    }
  }

  /** Which implementation is active: {@code "simd-<bits>"} or {@code "scalar"}. */
  public static String implementationName() {
    return OPS.name();
  }

  /** Whether the SIMD kernels are active. */
  public static boolean simdEnabled() {
    return !(OPS instanceof ScalarVectorOps);
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

  /** {@link VectorOps#dotBytesBlock}, without checks: for the scan loops. */
  static void dotBytesBlockUnchecked(
      float[] q, byte[] codes, int off, int dim, float[] out, int outOff) {
    OPS.dotBytesBlock(q, codes, off, dim, out, outOff);
  }

  /** {@link VectorOps#dotBytesBlock3}, without checks: for the scan loops. */
  static void dotBytesBlock3Unchecked(
      float[] a, float[] b, float[] c, byte[] codes, int off, int dim, float[] out) {
    OPS.dotBytesBlock3(a, b, c, codes, off, dim, out);
  }

  /** {@code y += alpha * x} without argument checks; see {@link #dotUnchecked}. */
  public static void axpyUnchecked(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
    OPS.axpy(alpha, x, xOff, y, yOff, len);
  }

  /** Scalar kernels, for tests that compare the two implementations. */
  static VectorOps scalar() {
    return SCALAR;
  }

  /** Active kernels, for tests that compare the two implementations. */
  static VectorOps active() {
    return OPS;
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
