package io.wordvec.align;

import io.wordvec.vectors.WordVectors;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Orthogonal Procrustes: the orthogonal {@code W} that brings the dictionary's source rows closest
 * to their target rows, {@code argmin ||X W - Y||_F} over orthogonal W, is {@code U V^T} for the
 * singular value decomposition {@code U S V^T} of {@code X^T Y} (Schönemann 1966; the refinement
 * step of MUSE and the supervised method of Conneau et al. 2018). X and Y are the unit-normalised
 * rows of the pairs, so that every pair weighs the same whatever its vectors' lengths.
 *
 * <p>{@code X^T Y} is summed one pair at a time from rows read through {@link WordVectors#unitRow}
 * (no matrix of the pairs is built, and mapped models are read in place), in double; the SVD of the
 * {@code dimension x dimension} result is commons-math's. Stateless and thread-safe.
 */
public final class Procrustes {

  private Procrustes() {}

  /**
   * What {@link #fit} learnt.
   *
   * @param alignment the map
   * @param meanCosine mean cosine between a pair's mapped source row and its target row: how well
   *     the map fits its own dictionary (1 = perfectly)
   */
  public record Fit(Alignment alignment, double meanCosine) {}

  /**
   * Learns the map from {@code dictionary}'s pairs.
   *
   * @throws IllegalArgumentException if the models' dimensions differ or the dictionary is empty
   */
  public static Fit fit(WordVectors source, WordVectors target, Dictionary dictionary) {
    int dim = source.dimension();
    if (target.dimension() != dim) {
      throw new IllegalArgumentException(
          "the source model has "
              + dim
              + " dimensions and the target model "
              + target.dimension()
              + ": only models of one dimension can be aligned");
    }
    if (dictionary.size() == 0) {
      throw new IllegalArgumentException("the dictionary has no usable pair");
    }
    double[][] cross = new double[dim][dim];
    float[] x = new float[dim];
    float[] y = new float[dim];
    for (int p = 0; p < dictionary.size(); p++) {
      source.unitRow(dictionary.sourceId(p), x, 0);
      target.unitRow(dictionary.targetId(p), y, 0);
      for (int i = 0; i < dim; i++) {
        double xi = x[i];
        if (xi == 0) {
          continue;
        }
        double[] row = cross[i];
        for (int j = 0; j < dim; j++) {
          row[j] += xi * y[j];
        }
      }
    }
    SingularValueDecomposition svd =
        new SingularValueDecomposition(new Array2DRowRealMatrix(cross, false));
    RealMatrix w = svd.getU().multiply(svd.getVT());
    float[] matrix = new float[dim * dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        matrix[i * dim + j] = (float) w.getEntry(i, j);
      }
    }
    // trace(W^T X^T Y) = sum of the singular values = the sum over pairs of cos(x W, y)
    double sum = 0;
    for (double s : svd.getSingularValues()) {
      sum += s;
    }
    // at most 1 but for rounding in the sum (a perfect fit would otherwise report 1.0000000015)
    return new Fit(Alignment.trusted(dim, matrix), Math.min(1.0, sum / dictionary.size()));
  }
}
