package io.wordvec.vectors;

/**
 * How {@link WordVectors} finds the rows nearest to a query: the seam between the facade, which
 * turns words into ids and query vectors and checks every argument, and a search structure over one
 * model's unit-normalised rows. {@link WordVectors#exactSearch()} scores every row (the default);
 * an approximate index implements the same two methods over the same rows and is put in place with
 * {@link WordVectors#withSearch}.
 *
 * <p>An instance answers for the one set of vectors it was made for: ids are that model's row
 * numbers. The facade validates before calling, so implementations may assume: {@code k > 0},
 * {@code restrictVocab >= 0}, ids in range, a query of the model's dimension. Implementations must
 * be thread-safe: queries arrive concurrently.
 *
 * <p>Each query carries {@link SearchOptions}: an approximate search reads its effort ({@link
 * SearchOptions#ef()}) from there; the exact scan ignores them. The facade itself routes {@link
 * SearchOptions#exact()} queries to the exact scan.
 */
public interface NeighborSearch {

  /**
   * Short name of the method, for logs and responses: {@code "exact"} for the full scan, e.g.
   * {@code "hnsw"} for an approximate index.
   */
  String name();

  /**
   * The {@code k} rows with the highest cosine with {@code unitQuery}, best first.
   *
   * @param unitQuery a unit vector (or all zeros) of the model's dimension; not modified
   * @param k how many rows to return at most, &gt; 0
   * @param restrictVocab consider only ids below this (the most frequent words); 0 = all
   * @param exclude ids never to return (the query words); may be empty, not modified
   * @param options the query's effort; never null
   * @return at most {@code k} rows, best first; the exact search orders equal scores by id
   */
  SearchResult nearest(
      float[] unitQuery, int k, int restrictVocab, int[] exclude, SearchOptions options);

  /**
   * The {@code k} rows with the highest 3CosMul score (Levy and Goldberg): the product over {@code
   * positiveIds} of {@code (1 + cos) / 2}, divided by the same product over {@code negativeIds}
   * plus {@code 1e-6}, best first.
   *
   * @param positiveIds at least one id
   * @param negativeIds may be empty
   * @param k how many rows to return at most, &gt; 0
   * @param restrictVocab consider only ids below this; 0 = all
   * @param exclude ids never to return (the query words); may be empty, not modified
   * @param options the query's effort; never null
   */
  SearchResult nearestCosMul(
      int[] positiveIds,
      int[] negativeIds,
      int k,
      int restrictVocab,
      int[] exclude,
      SearchOptions options);
}
