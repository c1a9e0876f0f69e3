package io.wordvec.index;

import io.wordvec.vectors.RowDots;

/**
 * How a graph walk scores the rows it meets: exactly, with the float rows ({@link #of}), or
 * approximately, with an index's 8-bit copy of them ({@link RowCodes.Scorer}), whose results the
 * walk then rescores. One instance per walker: implementations may keep scratch.
 */
interface WalkScores {

  /** The dot product, exact or approximate, of row {@code row} with {@code query}. */
  float score(int row, float[] query);

  /**
   * Reads row {@code row}'s memory without scoring it, so that the cache misses of the rows about
   * to be scored overlap; returns a value derived from what it read, for the caller to keep.
   */
  float touch(int row);

  /** Whether {@link #score} gives the exact scan's scores. */
  boolean exact();

  /**
   * An upper bound on {@code |score(row, query) - exact dot product|} for every row this object has
   * scored so far; 0 when the scores are exact.
   */
  float errorBound(float[] query);

  /** The exact scores of the float rows. */
  static WalkScores of(RowDots dots) {
    return new WalkScores() {
      @Override
      public float score(int row, float[] query) {
        return dots.dot(row, query);
      }

      @Override
      public float touch(int row) {
        return dots.touch(row);
      }

      @Override
      public boolean exact() {
        return true;
      }

      @Override
      public float errorBound(float[] query) {
        return 0;
      }
    };
  }
}
