package io.wordvec.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vectors.WordVectors;

/**
 * Whole matrices of word vectors, copied through the row accessors, for tests that compare them.
 */
public final class Matrices {

  private Matrices() {}

  /** A copy of all the raw rows, row-major. */
  public static float[] raw(WordVectors vectors) {
    float[] out = new float[vectors.size() * vectors.dimension()];
    vectors.rawRows(0, vectors.size(), out, 0);
    return out;
  }

  /** A copy of all the unit-normalised rows, row-major. */
  public static float[] unit(WordVectors vectors) {
    float[] out = new float[vectors.size() * vectors.dimension()];
    vectors.unitRows(0, vectors.size(), out, 0);
    return out;
  }

  /**
   * Asserts that {@code actual} holds {@code expected}'s rows to float rounding, as a model file
   * gives them back: it stores unit rows and norms, and the raw rows are their product. The error
   * is relative to the row's largest value (a tiny value beside huge ones in its row may round
   * away).
   */
  public static void assertWithinRounding(float[] actual, float[] expected, int dim) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int r = 0; r < expected.length / dim; r++) {
      double largest = 0;
      for (int j = 0; j < dim; j++) {
        largest = Math.max(largest, Math.abs((double) expected[r * dim + j]));
      }
      for (int j = 0; j < dim; j++) {
        assertThat((double) actual[r * dim + j])
            .as("row %d, position %d", r, j)
            .isCloseTo(expected[r * dim + j], within(largest * 1e-6 * Math.sqrt(dim)));
      }
    }
  }
}
