package io.wordvec.vectors;

import io.wordvec.vectors.internal.Quantizer;

/**
 * How raw rows become what queries read: a unit-normalised copy with the row's norm, and 8-bit
 * codes of the unit rows in blocks of {@link QuantizedRows#BLOCK_ROWS}. {@link WordVectors} builds
 * its rows with these methods and model files store rows made with them, so that a model mapped
 * from a file answers exactly as the same model built in memory.
 *
 * <p>Stateless and thread-safe.
 */
public final class UnitRows {

  private UnitRows() {}

  /**
   * Writes the unit-length copy of the raw row at {@code raw[rawOffset]} to {@code
   * unit[unitOffset]} and returns the raw row's Euclidean norm, so that {@code unit * norm} gives
   * the raw row back to float rounding. A zero row stays zero, with norm 0 (as gensim's {@code
   * unitvec}). Rows whose float norm overflows or whose inverse does (huge or subnormal values) are
   * scaled in double; a norm beyond the float range is returned as {@link Float#MAX_VALUE}.
   *
   * @param row the row's id, for the exception
   * @throws NonFiniteVectorException on a NaN or infinite value
   */
  public static float normalize(
      float[] raw, int rawOffset, float[] unit, int unitOffset, int dim, int row) {
    float norm = (float) Math.sqrt(VectorMath.plainSumOfSquares(raw, rawOffset, dim));
    float inverse = 1f / norm;
    if (norm > 0 && Float.isFinite(norm) && Float.isFinite(inverse)) {
      // The common case: copy and scale in one pass over the row.
      scaledCopy(raw, rawOffset, unit, unitOffset, dim, inverse);
      return norm;
    }
    for (int j = 0; j < dim; j++) {
      float v = raw[rawOffset + j];
      if (!Float.isFinite(v)) {
        throw new NonFiniteVectorException(row, j, v);
      }
    }
    System.arraycopy(raw, rawOffset, unit, unitOffset, dim);
    return (float) Math.min(Float.MAX_VALUE, toUnitLength(unit, unitOffset, dim));
  }

  /**
   * {@code dst[dstOff..dstOff+len) = src[srcOff..srcOff+len) * alpha}. A method of its own: JDK
   * 25's C2 left this loop scalar inside the larger row loop (a model's load took 10% longer than
   * on JDK 17), and vectorises it here.
   */
  private static void scaledCopy(
      float[] src, int srcOff, float[] dst, int dstOff, int len, float alpha) {
    for (int j = 0; j < len; j++) {
      dst[dstOff + j] = src[srcOff + j] * alpha;
    }
  }

  /**
   * Scales a row to unit length in place and returns its length before; a zero row stays zero. Rows
   * whose float norm overflows or whose inverse does are scaled in double.
   */
  static double toUnitLength(float[] x, int off, int dim) {
    float norm = VectorMath.norm(x, off, dim);
    float inverse = 1f / norm;
    if (norm > 0 && Float.isFinite(norm) && Float.isFinite(inverse)) {
      VectorMath.scale(inverse, x, off, dim);
      return norm;
    }
    double sum = 0;
    for (int j = 0; j < dim; j++) {
      sum += (double) x[off + j] * x[off + j];
    }
    if (sum == 0) {
      // Squares may underflow even in double: fall back to the largest magnitude.
      double max = 0;
      for (int j = 0; j < dim; j++) {
        max = Math.max(max, Math.abs((double) x[off + j]));
      }
      if (max == 0) {
        return 0;
      }
      for (int j = 0; j < dim; j++) {
        double v = x[off + j] / max;
        sum += v * v;
      }
      double length = max * Math.sqrt(sum);
      double scale = 1 / length;
      for (int j = 0; j < dim; j++) {
        x[off + j] = (float) (x[off + j] * scale);
      }
      return length;
    }
    double length = Math.sqrt(sum);
    for (int j = 0; j < dim; j++) {
      x[off + j] = (float) (x[off + j] / length);
    }
    return length;
  }

  /**
   * Codes {@code rows} unit rows (at most {@link QuantizedRows#BLOCK_ROWS}), row after row from
   * {@code unit[unitOffset]}, into one block of codes: {@code BLOCK_ROWS * dim} bytes from {@code
   * codes[codesOffset]}, position-major as {@link QuantizedRows} lays them out, zero for rows past
   * {@code rows}; and their scales into {@code scales[scalesOffset ..]}.
   */
  public static void quantizeBlock(
      float[] unit,
      int unitOffset,
      int rows,
      int dim,
      byte[] codes,
      int codesOffset,
      float[] scales,
      int scalesOffset) {
    if (rows < 0 || rows > Quantizer.BLOCK_ROWS) {
      throw new IllegalArgumentException("a block holds 0 to 16 rows, not " + rows);
    }
    Quantizer.quantizeBlock(unit, unitOffset, rows, dim, codes, codesOffset, scales, scalesOffset);
  }
}
