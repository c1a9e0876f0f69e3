package io.wordvec.vectors;

/**
 * How hard one neighbour query may look: the per-request accuracy knob of a {@link NeighborSearch}.
 * The exact scan ignores it (it always scores every row); an approximate index reads {@link #ef()}
 * as the size of its candidate list, and {@link #exact()} sends the query to the exact scan
 * whatever search the model has.
 *
 * @param exact answer with the exact scan even when the model has an approximate index
 * @param ef candidates an approximate index keeps while it searches (ef-search in HNSW terms): more
 *     is slower and finds more of the true neighbours; 0 leaves the choice to the index
 */
public record SearchOptions(boolean exact, int ef) {

  /** The model's own search with its default effort. */
  public static final SearchOptions DEFAULT = new SearchOptions(false, 0);

  /** The exact scan, whatever search the model has. */
  public static final SearchOptions EXACT = new SearchOptions(true, 0);

  /**
   * @throws IllegalArgumentException if {@code ef < 0}
   */
  public SearchOptions {
    if (ef < 0) {
      throw new IllegalArgumentException("ef must be >= 0 (0 = the index's default), was " + ef);
    }
  }

  /** The model's own search with {@code ef} candidates (0 = the index's default). */
  public static SearchOptions withEf(int ef) {
    return new SearchOptions(false, ef);
  }
}
