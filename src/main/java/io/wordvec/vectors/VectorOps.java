package io.wordvec.vectors;

/**
 * The numeric kernels behind {@link VectorMath}. Implementations do no argument checks: the facade
 * validates once and delegates. All offsets index flat row-major {@code float[]} matrices.
 */
interface VectorOps {

  /** Dot product of {@code a[aOff..aOff+len)} and {@code b[bOff..bOff+len)}. */
  float dot(float[] a, int aOff, float[] b, int bOff, int len);

  /**
   * Dot product of floats {@code a[aOff..aOff+len)} with signed bytes {@code b[bOff..bOff+len)}
   * taken as integers (the codes of an 8-bit quantised row).
   */
  float dotBytes(float[] a, int aOff, byte[] b, int bOff, int len);

  /**
   * The three dot products of {@code a}, {@code b} and {@code c} (each from index 0) with the
   * signed bytes {@code codes[off..off+len)}, into {@code out[0..3)}: one pass over the codes,
   * which are widened to floats once instead of three times (a 3CosMul analogy has three query
   * terms).
   */
  void dotBytes3(float[] a, float[] b, float[] c, byte[] codes, int off, int len, float[] out);

  /** {@code y[yOff+i] += alpha * x[xOff+i]} for {@code i < len}. */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

  /** {@code x[xOff+i] *= alpha} for {@code i < len}. */
  void scale(float alpha, float[] x, int xOff, int len);

  /**
   * Short name for logs and {@code /actuator/info}, e.g. {@code "simd-512"} or {@code "scalar"}.
   */
  String name();
}
