package io.wordvec.vectors;

import java.util.Objects;

/**
 * What a {@link NeighborSearch} found: row ids and their scores, best first, as parallel arrays (no
 * boxing, whatever {@code k}), and which search found them. The arrays are owned by this result;
 * callers must not modify them.
 *
 * @param ids row ids, best first
 * @param scores {@code scores[i]} is the score of {@code ids[i]}
 * @param search the {@link NeighborSearch#name()} of the search that answered: an index may hand a
 *     query it cannot answer well (a very selective filter) to the exact scan, and says so here
 */
public record SearchResult(int[] ids, float[] scores, String search) {

  /**
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public SearchResult {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(search, "search");
    if (ids.length != scores.length) {
      throw new IllegalArgumentException(
          ids.length + " ids but " + scores.length + " scores in a search result");
    }
  }

  /** Number of rows found. */
  public int size() {
    return ids.length;
  }
}
