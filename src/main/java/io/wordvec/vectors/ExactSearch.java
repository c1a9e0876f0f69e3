package io.wordvec.vectors;

import io.wordvec.vectors.internal.NeighborScan;
import io.wordvec.vectors.internal.TopK;
import java.util.Arrays;

/**
 * The exact {@link NeighborSearch}: every row of the searched range is scored. With an 8-bit copy
 * of the rows (models of at least 2^18 floats) the scans read that first, then rescore on the float
 * rows only the few rows whose score bound can reach the top k: bit-identical answers to a full
 * float scan at about a quarter of the memory traffic.
 *
 * <p>Excluded ids are handled by asking the scan for {@code k + exclude.length} rows and dropping
 * the excluded ones afterwards, which leaves the scan loops free of any test per row.
 *
 * <p>{@link SearchOptions} do not apply: every row is always scored.
 *
 * <p>Thread-safe: the arrays are only read.
 */
final class ExactSearch implements NeighborSearch {

  /** The name this search reports. */
  static final String NAME = "exact";

  private final float[] normalized;
  private final QuantizedRows quantized;
  private final int dimension;
  private final int rows;

  /**
   * @param normalized the unit rows, shared
   * @param quantized their 8-bit copy, or null to scan the floats only
   */
  ExactSearch(float[] normalized, QuantizedRows quantized, int dimension) {
    this.normalized = normalized;
    this.quantized = quantized;
    this.dimension = dimension;
    this.rows = normalized.length / dimension;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SearchResult nearest(
      float[] unitQuery, int k, int restrictVocab, int[] exclude, SearchOptions options) {
    int searched = searchRows(restrictVocab);
    int wanted = k + exclude.length;
    TopK heap =
        quantized != null
            ? NeighborScan.cosAddQuantized(
                normalized,
                quantized.codes(),
                quantized.scales(),
                dimension,
                searched,
                unitQuery,
                wanted)
            : NeighborScan.cosAdd(normalized, dimension, searched, unitQuery, wanted);
    return best(heap, exclude, k);
  }

  @Override
  public SearchResult nearestCosMul(
      int[] positiveIds,
      int[] negativeIds,
      int k,
      int restrictVocab,
      int[] exclude,
      SearchOptions options) {
    float[][] pos = new float[positiveIds.length][];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = row(positiveIds[i]);
    }
    float[][] neg = new float[negativeIds.length][];
    for (int i = 0; i < neg.length; i++) {
      neg[i] = row(negativeIds[i]);
    }
    int searched = searchRows(restrictVocab);
    int wanted = k + exclude.length;
    TopK heap =
        quantized != null
            ? NeighborScan.cosMulQuantized(
                normalized,
                quantized.codes(),
                quantized.scales(),
                dimension,
                searched,
                pos,
                neg,
                wanted)
            : NeighborScan.cosMul(normalized, dimension, searched, pos, neg, wanted);
    return best(heap, exclude, k);
  }

  private int searchRows(int restrictVocab) {
    return restrictVocab == 0 ? rows : Math.min(rows, restrictVocab);
  }

  private float[] row(int id) {
    return Arrays.copyOfRange(normalized, id * dimension, (id + 1) * dimension);
  }

  /** The heap's entries best first, without the excluded ids, at most {@code k} of them. */
  private static SearchResult best(TopK heap, int[] exclude, int k) {
    float[] scores = new float[heap.size()];
    int[] ids = heap.sortedIds(scores);
    int[] keptIds = new int[Math.min(k, ids.length)];
    float[] keptScores = new float[keptIds.length];
    int kept = 0;
    for (int i = 0; i < ids.length && kept < keptIds.length; i++) {
      if (!contains(exclude, ids[i])) {
        keptIds[kept] = ids[i];
        keptScores[kept] = scores[i];
        kept++;
      }
    }
    return new SearchResult(
        kept == keptIds.length ? keptIds : Arrays.copyOf(keptIds, kept),
        kept == keptScores.length ? keptScores : Arrays.copyOf(keptScores, kept),
        NAME);
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
