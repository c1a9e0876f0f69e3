package io.wordvec.index;

import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;

/**
 * The one place the index reads a model's unit rows: dot products of a query with a row, and copies
 * of rows. Everything else in this package goes through here, so that where the rows live (a heap
 * array today) is decided in one class.
 *
 * <p>Thread-safe: the rows are only read.
 */
final class UnitRows {

  private final float[] unit;
  private final int dimension;
  private final int rows;

  UnitRows(WordVectors vectors) {
    this.unit = vectors.normalizedVectors();
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
   * The dot product of {@code query} with row {@code row}, by the same kernel and with the same
   * operand order as the exact scan, so that a rescored row has the exact scan's score bit for bit.
   */
  float dot(float[] query, int row) {
    return VectorMath.dotUnchecked(unit, row * dimension, query, 0, dimension);
  }

  /** A copy of row {@code row}. */
  float[] copy(int row) {
    float[] out = new float[dimension];
    System.arraycopy(unit, row * dimension, out, 0, dimension);
    return out;
  }
}
