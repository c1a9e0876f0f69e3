package io.wordvec.index;

/**
 * How an HNSW graph is built. The defaults are jvector's usual ones for vectors of a few hundred
 * dimensions; BENCHMARKS.md has the recall they give on word vectors.
 *
 * @param degree most neighbours a node keeps on each level (M in the HNSW paper, here the same on
 *     every level); more gives higher recall at a given search effort, a bigger file and a slower
 *     build
 * @param beamWidth candidates considered when a node is inserted (efConstruction)
 * @param alpha how far jvector's neighbour selection relaxes diversity (1 = strict HNSW pruning;
 *     above 1 keeps some longer edges, as in DiskANN)
 * @param overflow how many neighbours above {@code degree} a node may hold while the graph is
 *     built, as a factor (trimmed at the end)
 * @param threads insertion threads; 0 = one per available core
 */
public record HnswParameters(int degree, int beamWidth, float alpha, float overflow, int threads) {

  /** Degree 32, beam 100, alpha 1.2, overflow 1.2, all cores. */
  public static final HnswParameters DEFAULTS = new HnswParameters(32, 100, 1.2f, 1.2f, 0);

  /**
   * @throws IllegalArgumentException on a value out of range
   */
  public HnswParameters {
    if (degree < 2 || degree > 512) {
      throw new IllegalArgumentException("degree must be between 2 and 512, was " + degree);
    }
    if (beamWidth < 1 || beamWidth > 4096) {
      throw new IllegalArgumentException("beamWidth must be between 1 and 4096, was " + beamWidth);
    }
    if (!(alpha >= 1f && alpha <= 4f)) {
      throw new IllegalArgumentException("alpha must be between 1 and 4, was " + alpha);
    }
    if (!(overflow >= 1f && overflow <= 4f)) {
      throw new IllegalArgumentException("overflow must be between 1 and 4, was " + overflow);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), was " + threads);
    }
  }

  /** These parameters with {@code threads} insertion threads. */
  public HnswParameters withThreads(int threads) {
    return new HnswParameters(degree, beamWidth, alpha, overflow, threads);
  }

  /** The insertion threads to start: {@link #threads()}, or the available cores for 0. */
  int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
