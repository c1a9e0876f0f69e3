package io.wordvec.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Merges the partitions' deltas of one slice of rows into the model at the end of a sync round: how
 * a row that several partitions changed moves ({@link MergeRule}). The partitions' deltas of a
 * slice, in partition order, are merged at once ({@link #mergeAll}), or {@linkplain #add added} one
 * by one and then {@linkplain #applyTo applied}.
 *
 * <p>Driver-side. {@link #add} and {@link #applyTo} merge on the calling thread; {@link #mergeAll}
 * splits the slice's rows into stripes merged on several threads, each row by one thread; both run
 * the same stripe merge. A stripe is merged row by row: every partition's change of a row, in
 * partition order ({@link #addRow}), then the row's merged change into the model ({@link
 * #applyRow}). So what a rule keeps is one row's sums per merging thread, used while the row is in
 * cache, rather than sums for a whole slice of rows written in one pass and read back in another.
 * This class keeps the slice's bookkeeping (which rows each delta changed, which slice the deltas
 * belong to); a rule keeps its sums.
 */
abstract class RowMerge {

  /** Floats per row. */
  final int dim;

  private final int sliceRows;

  /** The row being merged, one per merging thread ({@link #mergeAll}). */
  private final ThreadLocal<Row> rows;

  /**
   * What a rule keeps of the one row a thread is merging: a sum per side, a change read for the
   * next step, and per side a tally whose meaning is the rule's (partitions that changed the side,
   * or their updates). The rule resets it in {@link #applyRow}.
   */
  static final class Row {
    final float[] input;
    final float[] output;
    final float[] change;
    long inputTally;
    long outputTally;

    private Row(int dim) {
      input = new float[dim];
      output = new float[dim];
      change = new float[dim];
    }
  }

  /** Deltas {@linkplain #add added} one by one, merged at {@link #applyTo}. */
  private final List<SliceChanges> pending = new ArrayList<>();

  private int firstRow = -1;

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  RowMerge(int sliceRows, int dim) {
    this.dim = dim;
    this.sliceRows = sliceRows;
    this.rows = ThreadLocal.withInitial(() -> new Row(dim));
  }

  /** The calling thread's row ({@link Row}). */
  final Row row() {
    return rows.get();
  }

  /**
   * Adds one partition's delta of the slice that starts at {@code firstRow} (the same for every
   * delta until {@link #applyTo}).
   */
  final void add(SliceChanges delta, int firstRow) {
    if (this.firstRow < 0) {
      this.firstRow = firstRow;
    } else if (this.firstRow != firstRow) {
      throw new IllegalStateException("deltas of two slices in one merge");
    }
    requireInSlice(delta, firstRow);
    pending.add(delta);
  }

  /** Moves the touched rows of the model by their merged change and resets what the rule keeps. */
  final void applyTo(ModelState model) {
    if (firstRow >= 0) {
      mergeStripe(pending, firstRow, model, 0, sliceRows, null);
    }
    pending.clear();
    firstRow = -1;
  }

  /**
   * Merges {@code deltas} (every partition's, in partition order) of the slice that starts at
   * {@code firstRow} into {@code model}, as {@link #add} for each then {@link #applyTo} would, with
   * the slice's rows cut into {@code stripes} stripes merged in parallel. Why: the driver merges
   * while the executors wait for the next round; on gutenberg-17m at K=2 the merge was a third of a
   * round's time outside training, on one of the driver's cores.
   */
  final void mergeAll(
      List<? extends SliceChanges> deltas, int firstRow, ModelState model, int stripes) {
    mergeAll(deltas, firstRow, model, stripes, null);
  }

  /**
   * {@link #mergeAll(List, int, ModelState, int)}, calling {@code rowMerged} with each model row
   * the merge moved, right after it moved it, on the thread that merged it (null for none).
   */
  final void mergeAll(
      List<? extends SliceChanges> deltas,
      int firstRow,
      ModelState model,
      int stripes,
      IntConsumer rowMerged) {
    if (this.firstRow >= 0) {
      throw new IllegalStateException("deltas added one by one are not applied yet");
    }
    for (SliceChanges delta : deltas) {
      requireInSlice(delta, firstRow);
    }
    int n = Math.max(1, Math.min(stripes, sliceRows));
    IntStream.range(0, n)
        .parallel()
        .forEach(
            s ->
                mergeStripe(
                    deltas,
                    firstRow,
                    model,
                    s * sliceRows / n,
                    (s + 1) * sliceRows / n,
                    rowMerged));
  }

  /**
   * Refuses a delta whose rows are outside the slice or not ascending (the stripes search them).
   */
  private void requireInSlice(SliceChanges delta, int firstRow) {
    int[] rows = delta.rows();
    for (int k = 0; k < rows.length; k++) {
      if (rows[k] < firstRow || rows[k] - firstRow >= sliceRows) {
        throw new IllegalArgumentException("row " + rows[k] + " is outside the slice");
      }
      if (k > 0 && rows[k] <= rows[k - 1]) {
        throw new IllegalArgumentException("rows of a delta must ascend: " + rows[k]);
      }
    }
  }

  /**
   * Merges and applies rows {@code [from, to)} of the slice, row by row: each row is this call's
   * alone.
   */
  private void mergeStripe(
      List<? extends SliceChanges> deltas,
      int firstRow,
      ModelState model,
      int from,
      int to,
      IntConsumer rowMerged) {
    int n = deltas.size();
    int[][] rows = new int[n][];
    int[] next = new int[n];
    int[] end = new int[n];
    for (int d = 0; d < n; d++) {
      rows[d] = deltas.get(d).rows();
      next[d] = firstAtLeast(rows[d], firstRow + from);
      end[d] = firstAtLeast(rows[d], firstRow + to);
    }
    while (true) {
      int row = Integer.MAX_VALUE;
      for (int d = 0; d < n; d++) {
        if (next[d] < end[d]) {
          row = Math.min(row, rows[d][next[d]]);
        }
      }
      if (row == Integer.MAX_VALUE) {
        return;
      }
      for (int d = 0; d < n; d++) {
        if (next[d] < end[d] && rows[d][next[d]] == row) {
          addRow(deltas.get(d), next[d]++);
        }
      }
      applyRow(model, row);
      if (rowMerged != null) {
        rowMerged.accept(row);
      }
    }
  }

  /** The first index of ascending {@code rows} whose row is at least {@code row}. */
  private static int firstAtLeast(int[] rows, int row) {
    int i = Arrays.binarySearch(rows, row);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * Takes entry {@code entry} of {@code delta} (its input and output change, their update counts)
   * into the row the calling thread is merging.
   */
  abstract void addRow(SliceChanges delta, int entry);

  /**
   * Adds the merged change of the row the calling thread is merging to row {@code modelRow} of the
   * model, and resets the thread's sums for its next row.
   */
  abstract void applyRow(ModelState model, int modelRow);
}
