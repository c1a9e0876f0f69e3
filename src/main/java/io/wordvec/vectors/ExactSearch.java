package io.wordvec.vectors;

import io.wordvec.vectors.internal.NeighborScan;
import io.wordvec.vectors.internal.TopK;
import java.util.Arrays;

/**
 * The exact {@link NeighborSearch}: every row of the searched range is scored. With an 8-bit copy
 * of the rows (models of at least 2^18 floats) the scans read that first, then rescore on the float
 * rows only the few rows whose score bound can reach the top k: bit-identical answers to a full
 * float scan at about a quarter of the memory traffic. Heap and mapped rows are scanned by the same
 * kernels, so they give the same answers.
 *
 * <p>Excluded ids are handled by asking the scan for {@code k + exclude.length} rows and dropping
 * the excluded ones afterwards, which leaves the scan loops free of any test per row.
 *
 * <p>{@link SearchOptions} do not apply: every row is always scored.
 *
 * <p>Thread-safe: the rows are only read.
 */
final class ExactSearch implements NeighborSearch {

  /** The name this search reports. */
  static final String NAME = "exact";

  private final RowStorage rows;

  ExactSearch(RowStorage rows) {
    this.rows = rows;
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
        rows.hasCodes()
            ? NeighborScan.cosAddQuantized(rows, searched, unitQuery, wanted)
            : NeighborScan.cosAdd(rows, searched, unitQuery, wanted);
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
        rows.hasCodes()
            ? NeighborScan.cosMulQuantized(rows, searched, pos, neg, wanted)
            : NeighborScan.cosMul(rows, searched, pos, neg, wanted);
    return best(heap, exclude, k);
  }

  private int searchRows(int restrictVocab) {
    int all = rows.rows();
    return restrictVocab == 0 ? all : Math.min(all, restrictVocab);
  }

  private float[] row(int id) {
    float[] row = new float[rows.dimension()];
    rows.unitRows(id, 1, row, 0);
    return row;
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
