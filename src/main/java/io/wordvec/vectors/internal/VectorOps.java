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

  /**
   * The dot product of {@code q[0..len)} with one row of 8-bit codes laid out one after another,
   * {@code codes[off..off+len)}, the codes taken as signed integers: how a graph walk scores a row
   * it reads from an index file. The products may be summed in any order: callers allow for float
   * rounding.
   */
  float dotBytes(float[] q, byte[] codes, int off, int len);

  /** {@code y[yOff+i] += alpha * x[xOff+i]} for {@code i < len}. */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

  /**
   * The dot products of every row of {@code a} with every row of {@code b}, the small dense matrix
   * product {@code a * b^T} of a minibatched training step: {@code out[i * bRows + j]} is the dot
   * product of row {@code i} of {@code a} and row {@code j} of {@code b}, where row {@code r} of
   * either matrix is {@code [r * stride, r * stride + stride)}. Callers that pad rows with zeros to
   * a multiple of the vector width get every product at full width, with no tail.
   */
  void dotRows(float[] a, int aRows, float[] b, int bRows, int stride, float[] out);

  /**
   * Adds a product of a coefficient matrix and the rows of {@code b} to the rows of {@code c}:
   * {@code c_i += sum over k < inner of g(i, k) * b_k} for {@code i < rows}, where {@code g(i, k) =
   * g[i * gRowStep + k * gColStep]} (so one array serves as a matrix and as its transpose) and rows
   * of {@code b} and {@code c} are {@code stride} floats apart, as in {@link #dotRows}. Zero
   * coefficients may be skipped.
   */
  void addProducts(
      float[] g, int gRowStep, int gColStep, int rows, int inner, float[] b, float[] c, int stride);

  /** {@code x[xOff+i] *= alpha} for {@code i < len}. */
  void scale(float alpha, float[] x, int xOff, int len);

  /**
   * Short name for logs and {@code /actuator/info}, e.g. {@code "simd-512"} or {@code "scalar"}.
   */
  String name();
}
