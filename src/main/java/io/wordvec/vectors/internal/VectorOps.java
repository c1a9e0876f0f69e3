package io.wordvec.vectors.internal;

/**
 * The numeric kernels behind {@code io.wordvec.vectors.VectorMath}. Implementations do no argument
 * checks: the facade validates once and delegates. All offsets index flat row-major {@code float[]}
 * matrices. {@link VectorOpsProvider} chooses the implementation once per JVM.
 */
public interface VectorOps {

  /** Dot product of {@code a[aOff..aOff+len)} and {@code b[bOff..bOff+len)}. */
  float dot(float[] a, int aOff, float[] b, int bOff, int len);

  /**
   * The dot products of {@code q[0..dim)} with the {@link Quantizer#BLOCK_ROWS} rows of one block
   * of 8-bit codes (the layout of {@link Quantizer}: position-major, one code per row for each
   * position), starting at {@code codes[off]}; the codes are signed bytes taken as integers. Row
   * {@code i}'s product goes to {@code out[outOff + i]}. The products may be summed in any order:
   * callers allow for float rounding.
   */
  void dotBytesBlock(float[] q, byte[] codes, int off, int dim, float[] out, int outOff);

  /**
   * {@link #dotBytesBlock} for three queries at once, the rows' products with query {@code t} into
   * {@code out[t * BLOCK_ROWS ..]}: one pass over the codes, which are widened to floats once
   * instead of three times (a 3CosMul analogy has three query terms).
   */
  void dotBytesBlock3(float[] a, float[] b, float[] c, byte[] codes, int off, int dim, float[] out);

  /** {@code y[yOff+i] += alpha * x[xOff+i]} for {@code i < len}. */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

  /** {@code x[xOff+i] *= alpha} for {@code i < len}. */
  void scale(float alpha, float[] x, int xOff, int len);

  /**
   * Short name for logs and {@code /actuator/info}, e.g. {@code "simd-512"} or {@code "scalar"}.
   */
  String name();
}
