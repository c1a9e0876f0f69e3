package io.wordvec.align;

import io.wordvec.vectors.VectorMath;
import java.util.Arrays;

/**
 * An orthogonal map {@code W} from a source model's vector space to a target model's: a source row
 * {@code x} (a row vector) maps to {@code x W}, a target row {@code y} back to {@code y W^T}. Being
 * orthogonal, it keeps lengths and cosines, so a source word's neighbours in its own model are
 * unchanged by the map and only their position relative to the target's words changes.
 *
 * <p>Immutable and thread-safe. The matrix is {@code dimension x dimension} floats, row-major,
 * owned by this object.
 */
public final class Alignment {

  /**
   * How far {@code W W^T} may be from the identity, entry by entry, for a matrix to count as
   * orthogonal: float rounding of a 1,000-dimensional product stays far below it.
   */
  public static final double ORTHOGONALITY_TOLERANCE = 1e-3;

  private final int dimension;
  private final float[] matrix;

  private Alignment(int dimension, float[] matrix) {
    this.dimension = dimension;
    this.matrix = matrix;
  }

  /**
   * An alignment from its matrix (as saved), after checking it.
   *
   * @param matrix {@code dimension * dimension} floats, row-major; copied
   * @throws IllegalArgumentException on a wrong length, a non-finite value, or a matrix that is not
   *     orthogonal within {@link #ORTHOGONALITY_TOLERANCE}
   */
  public static Alignment of(int dimension, float[] matrix) {
    if (dimension < 1 || (long) dimension * dimension != matrix.length) {
      throw new IllegalArgumentException(
          "an alignment of dimension "
              + dimension
              + " has "
              + (long) dimension * dimension
              + " values, not "
              + matrix.length);
    }
    int bad = VectorMath.firstNonFinite(matrix, dimension);
    if (bad >= 0) {
      throw new IllegalArgumentException("alignment value " + bad + " is not finite");
    }
    float[] copy = matrix.clone();
    double deviation = orthogonalityError(dimension, copy);
    if (!(deviation <= ORTHOGONALITY_TOLERANCE)) {
      throw new IllegalArgumentException(
          "the alignment matrix is not orthogonal (W W^T is "
              + deviation
              + " away from the identity)");
    }
    return new Alignment(dimension, copy);
  }

  /** Built by {@link Procrustes} from a matrix it just made orthogonal: not checked again. */
  static Alignment trusted(int dimension, float[] matrix) {
    return new Alignment(dimension, matrix);
  }

  /** The identity map (a model aligned with itself). */
  public static Alignment identity(int dimension) {
    float[] matrix = new float[dimension * dimension];
    for (int i = 0; i < dimension; i++) {
      matrix[i * dimension + i] = 1f;
    }
    return new Alignment(dimension, matrix);
  }

  /** The largest entry of {@code |W W^T - I|}. */
  static double orthogonalityError(int dimension, float[] matrix) {
    double worst = 0;
    for (int i = 0; i < dimension; i++) {
      for (int j = i; j < dimension; j++) {
        double dot = 0;
        for (int k = 0; k < dimension; k++) {
          dot += (double) matrix[i * dimension + k] * matrix[j * dimension + k];
        }
        worst = Math.max(worst, Math.abs(dot - (i == j ? 1 : 0)));
      }
    }
    return worst;
  }

  public int dimension() {
    return dimension;
  }

  /** A copy of the matrix, row-major. */
  public float[] matrix() {
    return matrix.clone();
  }

  /**
   * {@code out = x W}: a source row mapped into the target space.
   *
   * @param x {@link #dimension()} values, not modified
   * @return a new array
   */
  public float[] map(float[] x) {
    checkLength(x);
    float[] out = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      if (x[i] != 0f) {
        VectorMath.axpyUnchecked(x[i], matrix, i * dimension, out, 0, dimension);
      }
    }
    return out;
  }

  /**
   * {@code out = y W^T}: a target row mapped back into the source space (the inverse map, since W
   * is orthogonal).
   *
   * @param y {@link #dimension()} values, not modified
   * @return a new array
   */
  public float[] mapBack(float[] y) {
    checkLength(y);
    float[] out = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      out[i] = VectorMath.dotUnchecked(matrix, i * dimension, y, 0, dimension);
    }
    return out;
  }

  private void checkLength(float[] v) {
    if (v.length != dimension) {
      throw new IllegalArgumentException(
          "vector has " + v.length + " dimensions, the alignment has " + dimension);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Alignment that
        && dimension == that.dimension
        && Arrays.equals(matrix, that.matrix);
  }

  @Override
  public int hashCode() {
    return 31 * dimension + Arrays.hashCode(matrix);
  }

  @Override
  public String toString() {
    return "Alignment[" + dimension + " x " + dimension + "]";
  }
}
