package io.wordvec.index;

import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;

/**
 * The one place the index reads a model's unit rows, through {@link WordVectors#unitRow}, which
 * works alike for rows on the heap and rows mapped from a model file: a row is copied into a
 * caller's scratch array and scored there by the project's kernels.
 *
 * <p>Thread-safe: the rows are only read; scratch arrays belong to the caller.
 */
final class UnitRows {

  private final WordVectors vectors;
  private final int dimension;
  private final int rows;

  UnitRows(WordVectors vectors) {
    this.vectors = vectors;
    this.dimension = vectors.dimension();
    this.rows = vectors.size();
  }

  int dimension() {
    return dimension;
  }

  int rows() {
    return rows;
  }

  /**
   * The dot product of row {@code row} with {@code query}, with the row copied into {@code scratch}
   * (of {@link #dimension()} floats) first: the same kernel and operand order as the exact scan, so
   * that a rescored row has the exact scan's score bit for bit.
   */
  float dot(float[] query, int row, float[] scratch) {
    vectors.unitRow(row, scratch, 0);
    return VectorMath.dotUnchecked(scratch, 0, query, 0, dimension);
  }

  /** A copy of row {@code row}. */
  float[] copy(int row) {
    float[] out = new float[dimension];
    vectors.unitRow(row, out, 0);
    return out;
  }
}
